package clinic.relief.portal;

import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingTestData;
import clinic.relief.patients.Patients;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A signed-in patient who has never been seen is a new client too: their booking waits, without a hold link. */
@ReliefTest
// The sweep off as in LateApprovalTests (no test here needs it): the same properties share one context.
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class PortalApprovalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Patients patients;

    @Autowired
    ApplicationContext context;

    @Test
    void aSignedInNewClientsBookingIsARequestUntilApprovedThenTheNextBooksAtOnce() throws Exception {
        BookingTestData data = new BookingTestData(context);
        UUID therapist = data.therapistWithOwnRoom("00:00", "23:45");
        String email = "first-" + UUID.randomUUID() + "@example.com";
        Cookie session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);
        UUID me = patients.findByEmail(email).orElseThrow().id();

        book(session, data.at(data.day(), "10:00") + "|" + therapist, "/book/requested");
        assertThat(statuses(me)).containsExactly("REQUESTED");
        assertThat(kinds(email)).contains("REQUEST_RECEIVED").doesNotContain("VERIFY_BOOKING", "CONFIRMATION");
        mvc.perform(get("/account").cookie(session)).andExpect(content().string(containsString("Awaiting approval")));

        UUID id = jdbc.sql("select id from booking_appointment where patient_id = :p")
                .param("p", me)
                .query(UUID.class)
                .single();
        mvc.perform(post("/staff/booking/requests/{id}/approve", id)
                        .with(csrf())
                        .with(SecurityMockMvcRequestPostProcessors.user("owner@example.com")
                                .roles("OWNER")))
                .andExpect(redirectedUrl("/staff/booking/requests"));
        book(session, data.at(data.day(), "14:00") + "|" + therapist, "/book/done");
        assertThat(statuses(me)).containsExactlyInAnyOrder("BOOKED", "BOOKED");
    }

    private void book(Cookie session, String slot, String landing) throws Exception {
        mvc.perform(patient("swedish:60", slot).post().cookie(session))
                .andExpect(redirectedUrl(landing))
                // The request received page links to the request as the done page links to the visit.
                .andExpect(flash().attribute("manageLink", containsString("/manage?token=")));
    }

    private List<String> statuses(UUID patient) {
        return jdbc.sql("select status from booking_appointment where patient_id = :p")
                .param("p", patient)
                .query(String.class)
                .list();
    }

    private List<String> kinds(String email) {
        return jdbc.sql("select kind from booking_outbox where recipient = :e")
                .param("e", email)
                .query(String.class)
                .list();
    }
}
