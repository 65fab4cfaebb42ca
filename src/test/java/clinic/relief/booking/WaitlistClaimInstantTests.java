package clinic.relief.booking;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** With new-clients=instant (the default), every waitlist claim books at once, new client or not. */
@ReliefTest
class WaitlistClaimInstantTests extends WaitlistClaimScenario {

    @Test
    void aNewClientsClaimIsBookedAtOnce() throws Exception {
        String email = email("new");
        claim(offeredTo(email, false)).andExpect(status().isOk()).andExpect(view().name("portal/claimed"));

        assertThat(statusAtTen(email)).isEqualTo("BOOKED");
        assertThat(kinds(email)).contains("CONFIRMATION").doesNotContain("REQUEST_RECEIVED");
    }

    @Test
    void aReturningClientsClaimIsBookedAtOnce() throws Exception {
        String email = email("back");
        claim(offeredTo(email, true)).andExpect(status().isOk()).andExpect(view().name("portal/claimed"));

        assertThat(statusAtTen(email)).isEqualTo("BOOKED");
        assertThat(kinds(email)).contains("CONFIRMATION").doesNotContain("REQUEST_RECEIVED");
    }
}
