package clinic.relief.booking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistOffers;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.NewPatient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A new client's waitlist claim became a request, and the request ends: without a visit (declined, withdrawn,
 * lapsed) the entry waits again in its old place; approved, it stays booked.
 */
@ReliefTest
// The sweep off as in LateApprovalTests (no test here needs it): the same properties share one context.
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class WaitlistClaimEndingTests extends WaitlistClaimScenario {

    @Autowired
    Approvals approvals;

    @Autowired
    BookingRequests requests;

    @Autowired
    WaitlistOffers offers;

    @ParameterizedTest
    @ValueSource(strings = {"decline", "withdraw", "lapse"})
    void aClaimedRequestEndingWithoutAVisitPutsTheEntryBackInItsPlace(String ending) throws Exception {
        String email = email(ending);
        WaitlistEntry claimed = claimedRequest(email);
        UUID request = requestAtTen(email);

        switch (ending) {
            case "decline" -> approvals.decline(request, null, "desk@example.com");
            case "withdraw" -> requests.withdraw(request, claimed.patientId());
            default -> assertThat(requests.lapseDue(fixture.at(day, "10:00"))).isPositive();
        }

        assertThat(statusAtTen(email)).isEqualTo("CANCELLED");
        WaitlistEntry after = waitlist.get(claimed.id());
        assertThat(after.status()).isEqualTo("WAITING");
        assertThat(after.createdAt()).isEqualTo(claimed.createdAt());
        assertThat(offerStatus(email)).isEqualTo("CLAIMED");
        // The desk's decline and the lapse write to the patient, and say the place is kept; a withdrawal writes
        // nothing.
        if (!ending.equals("withdraw")) {
            assertThat(requestEndedLetter(email)).contains("Your place on our waitlist is kept");
        }
    }

    @Test
    void anApprovedClaimKeepsTheEntryBooked() throws Exception {
        String email = email("approved");
        WaitlistEntry claimed = claimedRequest(email);

        approvals.approve(requestAtTen(email), "desk@example.com");

        assertThat(statusAtTen(email)).isEqualTo("BOOKED");
        assertThat(waitlist.get(claimed.id()).status()).isEqualTo("BOOKED");
    }

    /** Nothing can be offered to an entry past its last day: it stays BOOKED rather than claim to be waiting. */
    @Test
    void anEntryWhoseWindowHasPassedStaysAsItIs() throws Exception {
        String email = email("late");
        WaitlistEntry claimed = claimedRequest(email);
        LocalDate yesterday =
                LocalDate.ofInstant(clock.instant(), BookingFixture.LA).minusDays(1);
        jdbc.sql("update booking_waitlist set first_day = :d, last_day = :d where id = :id")
                .param("d", yesterday)
                .param("id", claimed.id())
                .update();

        approvals.decline(requestAtTen(email), null, "desk@example.com");

        assertThat(statusAtTen(email)).isEqualTo("CANCELLED");
        assertThat(waitlist.get(claimed.id()).status()).isEqualTo("BOOKED");
        assertThat(requestEndedLetter(email)).contains("cannot confirm").doesNotContain("waitlist");
    }

    private String requestEndedLetter(String email) {
        return jdbc.sql("select body from booking_outbox where recipient = :e"
                        + " and kind in ('REQUEST_DECLINED', 'REQUEST_LAPSED')")
                .param("e", email)
                .query(String.class)
                .single();
    }

    /**
     * The first in the queue claims 10:00 of a freed 90-minute time and is declined: the time goes to the next one
     * waiting, and neither that offer's expiry nor anything else offers it back to the first.
     */
    @Test
    void theDeclinedTimeGoesToTheNextInTheQueueAndNeverBackToTheEntryThatClaimedIt() throws Exception {
        String first = email("first");
        String next = email("next");
        UUID firstEntry = join(first);
        UUID nextEntry = join(next);
        Appointment freed = booking.book(new BookAppointment(
                fixture.patient(),
                "swedish",
                90,
                fixture.at(day, "10:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        book.cancel(freed.id());
        assertThat(offersTo(firstEntry)).isEqualTo(1);
        assertThat(offersTo(nextEntry)).isZero();
        claim(token(first)).andExpect(redirectedUrl("/book/requested"));

        approvals.decline(requestAtTen(first), null, "desk@example.com");

        assertThat(waitlist.get(firstEntry).status()).isEqualTo("WAITING");
        assertThat(offersTo(firstEntry)).isEqualTo(1);
        assertThat(offersTo(nextEntry)).isEqualTo(1);
        jdbc.sql("update booking_waitlist_offer set expires_at = :now - interval '1 minute'" + " where entry_id = :e")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("e", nextEntry)
                .update();
        offers.expireDue();
        assertThat(offersTo(firstEntry)).isEqualTo(1);
        assertThat(offersTo(nextEntry)).isEqualTo(1);
    }

    /** A new client offered 10:00 who claims it: a request, and their entry BOOKED. */
    private WaitlistEntry claimedRequest(String email) throws Exception {
        claim(offeredTo(email, false)).andExpect(redirectedUrl("/book/requested"));
        assertThat(statusAtTen(email)).isEqualTo("REQUESTED");
        WaitlistEntry entry = waitlist.of(patientId(email)).get(0);
        assertThat(entry.status()).isEqualTo("BOOKED");
        return entry;
    }

    private UUID join(String email) {
        UUID patient = patients.findOrCreate(new NewPatient("Wren", "Waiter", null, email, null, "en"))
                .id();
        return waitlist.join(
                        patient, new WaitlistRequest("swedish", 60, day, day, PartOfDay.ANY, Optional.of(therapist)))
                .id();
    }

    private String token(String email) {
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'WAITLIST_OFFER'")
                .param("e", email)
                .query(String.class)
                .single();
        return body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    private UUID patientId(String email) {
        return jdbc.sql("select id from patient where email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private UUID requestAtTen(String email) {
        return jdbc.sql("select id from booking_appointment where patient_id = :p and starts_at = :s")
                .param("p", patientId(email))
                .param("s", utc(fixture.at(day, "10:00")))
                .query(UUID.class)
                .single();
    }

    private int offersTo(UUID entry) {
        return jdbc.sql("select count(*) from booking_waitlist_offer where entry_id = :e")
                .param("e", entry)
                .query(Integer.class)
                .single();
    }
}
