package clinic.relief.portal;

import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingTestData;
import clinic.relief.patients.Patients;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A patient withdraws their own pending request from the portal; nobody else can, and nothing else is touched. */
@ReliefTest
// The sweep off as in LateApprovalTests (no test here needs it): the same properties share one context.
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class PortalRequestWithdrawTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Patients patients;

    @Autowired
    ApplicationContext context;

    @Test
    void theOwnerWithdrawsWithCsrfOthersGetNotFoundAndNothingChanges() throws Exception {
        BookingTestData data = new BookingTestData(context);
        UUID therapist = data.therapistWithOwnRoom("00:00", "23:45");
        String email = "withdraw-" + UUID.randomUUID() + "@example.com";
        Cookie session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);
        String slot = data.at(data.day(), "10:00") + "|" + therapist;
        mvc.perform(patient("swedish:60", slot).post().cookie(session)).andExpect(redirectedUrl("/book/requested"));
        UUID id = jdbc.sql("select a.id from booking_appointment a join patient p on p.id = a.patient_id"
                        + " where p.email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
        mvc.perform(get("/account").cookie(session)).andExpect(content().string(containsString("Withdraw request")));

        Cookie stranger = PortalFixture.account(
                mvc, jdbc, "other-" + UUID.randomUUID() + "@example.com", PatientAccountTests.PASSWORD);
        mvc.perform(post("/account/appointments/{id}/withdraw", id)
                        .cookie(stranger)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/appointments/{id}/withdraw", id).cookie(session))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/appointments/{id}/withdraw", UUID.randomUUID())
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("REQUESTED");

        mvc.perform(post("/account/appointments/{id}/withdraw", id)
                        .cookie(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("withdrawn", true));
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        mvc.perform(get("/account").cookie(session))
                .andExpect(content().string(not(containsString("Withdraw request"))));
        mvc.perform(post("/account/appointments/{id}/withdraw", id)
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("no longer waiting")));
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
