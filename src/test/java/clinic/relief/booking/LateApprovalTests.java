package clinic.relief.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The front desk approves a request (here a new client's waitlist claim) whose start is already within the minimum
 * notice: it lapses exactly as the sweep would lapse it. The sweep is off in this context (shared by the approve-mode
 * classes), so that only the approval can lapse the request the test moves inside the notice.
 */
@ReliefTest
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class LateApprovalTests extends WaitlistClaimScenario {

    @Value("${relief.booking.minimum-notice}")
    Duration notice;

    @Test
    void approvingARequestInsideTheMinimumNoticeLapsesItTellsThePatientOnceAndSaysSo() throws Exception {
        String email = email("late");
        UUID id = requestInsideTheNotice(email);

        MvcResult approved = approveTooLate(id);

        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        // The desk member acted, so the lapse is theirs in the record, not the sweep's.
        assertThat(decisions(id)).containsExactly("LAPSED by desk@example.com");
        assertThat(kinds(email)).filteredOn("REQUEST_LAPSED"::equals).hasSize(1);
        assertThat(kinds(email)).doesNotContain("CONFIRMATION");
        assertThat(waitlist.get(entryOf(email)).status()).isEqualTo("WAITING");
        // Sessions live in the database (Spring Session JDBC): the cookie carries the flash to the next page.
        mvc.perform(get("/staff/booking/requests")
                        .with(desk())
                        .cookie(approved.getResponse().getCookies()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("so it has lapsed")));

        mvc.perform(post("/staff/booking/requests/{id}/approve", id)
                        .with(desk())
                        .with(csrf()))
                .andExpect(status().isConflict());
        assertThat(decisions(id)).hasSize(1);
        assertThat(kinds(email)).filteredOn("REQUEST_LAPSED"::equals).hasSize(1);
    }

    @Test
    void theDeskIsToldInSpanishToo() throws Exception {
        MvcResult approved = approveTooLate(requestInsideTheNotice(email("tarde")));

        mvc.perform(get("/staff/booking/requests")
                        .param("lang", "es")
                        .with(desk())
                        .cookie(approved.getResponse().getCookies()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("así que venció")));
    }

    @Test
    void approvingARequestJustOutsideTheMinimumNoticeBooksIt() throws Exception {
        String email = email("timely");
        claim(offeredTo(email, false)).andExpect(redirectedUrl("/book/requested"));
        UUID id = requestOf(email);
        moveTo(id, clock.instant().plus(notice).plus(Duration.ofMinutes(15)));

        mvc.perform(post("/staff/booking/requests/{id}/approve", id)
                        .with(desk())
                        .with(csrf()))
                .andExpect(redirectedUrl("/staff/booking/requests"))
                .andExpect(flash().attribute("notice", "booking.requests.approved"));

        assertThat(statusOf(id)).isEqualTo("BOOKED");
        assertThat(decisions(id)).containsExactly("APPROVED by desk@example.com");
        assertThat(kinds(email)).contains("CONFIRMATION").doesNotContain("REQUEST_LAPSED");
        assertThat(waitlist.get(entryOf(email)).status()).isEqualTo("BOOKED");
    }

    /** A new client's waitlist claim, a request, moved to half an hour inside the minimum notice. */
    private UUID requestInsideTheNotice(String email) throws Exception {
        claim(offeredTo(email, false)).andExpect(redirectedUrl("/book/requested"));
        UUID id = requestOf(email);
        moveTo(id, clock.instant().plus(notice).minus(Duration.ofMinutes(30)));
        return id;
    }

    private MvcResult approveTooLate(UUID id) throws Exception {
        return mvc.perform(post("/staff/booking/requests/{id}/approve", id)
                        .with(desk())
                        .with(csrf()))
                .andExpect(redirectedUrl("/staff/booking/requests"))
                .andExpect(flash().attribute("problem", "booking.requests.tooLate"))
                .andReturn();
    }

    /** Moves a request to {@code start}, keeping its length and buffer (the desk's clock cannot be moved here). */
    private void moveTo(UUID id, Instant start) {
        jdbc.sql("""
                update booking_appointment set starts_at = cast(:s as timestamptz),
                    ends_at = cast(:s as timestamptz) + (ends_at - starts_at),
                    blocked_until = cast(:s as timestamptz) + (blocked_until - starts_at)
                where id = :id""").param("s", utc(start)).param("id", id).update();
    }

    private UUID requestOf(String email) {
        return jdbc.sql("""
                select a.id from booking_appointment a join patient p on p.id = a.patient_id
                where p.email = :e and a.status = 'REQUESTED'""").param("e", email).query(UUID.class).single();
    }

    private UUID entryOf(String email) {
        return jdbc.sql("select w.id from booking_waitlist w join patient p on p.id = w.patient_id where p.email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private List<String> decisions(UUID id) {
        return jdbc.sql("select decision || ' by ' || decided_by from booking_request_decision"
                        + " where appointment_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private static RequestPostProcessor desk() {
        return user("desk@example.com").roles("FRONT_DESK");
    }
}
