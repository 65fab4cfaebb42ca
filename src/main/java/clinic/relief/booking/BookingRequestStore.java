package clinic.relief.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * The SQL of booking requests ({@link Approvals}, {@link BookingRequests}): which requests wait, which are due to
 * lapse, whether a patient is a returning client, and the record of how each request ended
 * ({@code booking_request_decision}).
 */
@Repository
class BookingRequestStore {

    private final JdbcClient jdbc;

    BookingRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A returning client has an appointment (other than {@code except}) the clinic accepted: booked, checked in or
     * completed. Holds, requests, no-shows and cancellations do not count.
     */
    boolean hasAcceptedAppointment(UUID patientId, @Nullable UUID except) {
        return jdbc.sql("""
                select exists (select 1 from booking_appointment where patient_id = :patient
                    and (cast(:except as uuid) is null or id <> :except)
                    and status in ('BOOKED', 'CHECKED_IN', 'COMPLETED'))
                """)
                .param("patient", patientId)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    /** The ids of the requests waiting for a decision, soonest first. */
    List<UUID> awaiting() {
        return jdbc.sql("select id from booking_appointment where status = 'REQUESTED' order by starts_at")
                .query(UUID.class)
                .list();
    }

    /** Records how a request ended (approved, declined, withdrawn, lapsed), by whom, in the caller's transaction. */
    void recordDecision(UUID id, String decision, @Nullable String reason, String staff, Instant now) {
        jdbc.sql("""
                insert into booking_request_decision (appointment_id, decision, reason, decided_by, decided_at)
                values (:id, :decision, :reason, :staff, :now)
                """)
                .param("id", id)
                .param("decision", decision)
                .param("reason", reason)
                .param("staff", staff)
                .param("now", utc(now))
                .update();
    }

    /** Whether the appointment was a request that ended declined, withdrawn or lapsed. */
    boolean endedWithoutVisit(UUID appointmentId) {
        return jdbc.sql("""
                select exists (select 1 from booking_request_decision where appointment_id = :id
                    and decision in ('DECLINED', 'WITHDRAWN', 'LAPSED'))
                """).param("id", appointmentId).query(Boolean.class).single();
    }

    /**
     * Up to {@code batch} undecided requests starting at or before {@code limit}, soonest first, their rows locked
     * for the caller's transaction; rows another transaction holds (an approval under way) are skipped.
     */
    List<UUID> lockDueToLapse(Instant limit, int batch) {
        return jdbc.sql("""
                select id from booking_appointment where status = 'REQUESTED' and starts_at <= :limit
                order by starts_at limit :batch for update skip locked
                """)
                .param("limit", utc(limit))
                .param("batch", batch)
                .query(UUID.class)
                .list();
    }
}
