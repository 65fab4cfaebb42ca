package clinic.relief.booking;

import java.util.Optional;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** With new-clients=approve, a new client's waitlist claim is a request like an online one; a returning one books. */
@ReliefTest
// The sweep off as in LateApprovalTests (no test here needs it): the same properties share one context.
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class WaitlistClaimApprovalTests extends WaitlistClaimScenario {

    @Test
    void aNewClientsClaimBecomesAHeldRequestWithTheRequestReceivedMail() throws Exception {
        String email = email("new");
        String token = offeredTo(email, false);

        claim(token)
                .andExpect(redirectedUrl("/book/requested"))
                .andExpect(flash().attributeExists("when"))
                // The request received page links to the request the claim made.
                .andExpect(flash().attribute("manageLink", containsString("/manage?token=")));

        assertThat(statusAtTen(email)).isEqualTo("REQUESTED");
        assertThat(kinds(email)).contains("REQUEST_RECEIVED").doesNotContain("CONFIRMATION", "REMINDER");
        assertThat(offerStatus(email)).isEqualTo("CLAIMED");
        assertThatThrownBy(() -> booking.book(new BookAppointment(
                        fixture.patient(),
                        "swedish",
                        60,
                        fixture.at(day, "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null)))
                .isInstanceOf(SlotTaken.class);
        EventsHandled.awaitAll(jdbc);
        assertThat(jdbc.sql("select count(*) from billing_invoice i join booking_appointment a"
                                + " on a.id = i.appointment_id where a.status = 'REQUESTED' and a.starts_at = :s")
                        .param("s", utc(fixture.at(day, "10:00")))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aReturningClientsClaimIsBookedAtOnce() throws Exception {
        String email = email("back");
        String token = offeredTo(email, true);

        claim(token).andExpect(status().isOk()).andExpect(view().name("portal/claimed"));

        assertThat(statusAtTen(email)).isEqualTo("BOOKED");
        assertThat(kinds(email)).contains("CONFIRMATION").doesNotContain("REQUEST_RECEIVED");
    }
}
