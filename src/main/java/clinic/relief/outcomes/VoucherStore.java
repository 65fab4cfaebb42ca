package clinic.relief.outcomes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Rows of {@code outcomes_voucher}, the relief guarantee's free follow-ups. A voucher fits a booking of the same
 * service, no longer than the session it makes up for, starting after it was offered and by its end of validity.
 */
@Repository
class VoucherStore {

    private final JdbcClient jdbc;

    VoucherStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the appointment's voucher; false when it has one already (the primary key decides). */
    boolean insert(Visit visit, Pain pain, Instant validUntil, Instant now) {
        return jdbc.sql("""
                insert into outcomes_voucher (appointment_id, patient_id, service_id, pain_before, pain_after,
                    valid_until, created_at) values (:a, :p, :s, :before, :after, :until, :now)
                on conflict (appointment_id) do nothing""")
                        .param("a", visit.appointmentId())
                        .param("p", visit.patientId())
                        .param("s", visit.serviceId())
                        .param("before", pain.before())
                        .param("after", pain.after())
                        .param("until", utc(validUntil))
                        .param("now", utc(now))
                        .update()
                > 0;
    }

    boolean exists(UUID appointmentId) {
        return jdbc.sql("select exists (select 1 from outcomes_voucher where appointment_id = :a)")
                .param("a", appointmentId)
                .query(Boolean.class)
                .single();
    }

    /** The first unredeemed voucher that fits, by earliest end of validity: the one a booking would use. */
    Optional<UUID> firstFitting(UUID patientId, String serviceId, int minutes, Instant start) {
        return jdbc.sql("""
                select v.appointment_id from outcomes_voucher v
                join outcomes_visit o on o.appointment_id = v.appointment_id
                where v.patient_id = :p and v.service_id = :s and o.minutes >= :m and v.redeemed_at is null
                    and v.created_at <= :start and v.valid_until >= :start
                order by v.valid_until, v.appointment_id limit 1""")
                .param("p", patientId)
                .param("s", serviceId)
                .param("m", minutes)
                .param("start", utc(start))
                .query(UUID.class)
                .optional();
    }

    /**
     * Redeems a voucher for the appointment: true when it already holds one (a repeated event) or the first that fits
     * was free to take. A voucher another transaction is redeeming is skipped ({@code for update skip locked}), so two
     * bookings at once never share one. One round trip, as this runs on every booking.
     */
    boolean redeem(UUID patientId, String serviceId, int minutes, Instant start, UUID appointmentId, Instant now) {
        return jdbc.sql("""
                with already as (select 1 from outcomes_voucher where redeemed_for = :a),
                taken as (
                    update outcomes_voucher set redeemed_at = :now, redeemed_for = :a
                    where not exists (select from already) and appointment_id = (
                        select v.appointment_id from outcomes_voucher v
                        join outcomes_visit o on o.appointment_id = v.appointment_id
                        where v.patient_id = :p and v.service_id = :s and o.minutes >= :m and v.redeemed_at is null
                            and v.created_at <= :start and v.valid_until >= :start
                        order by v.valid_until, v.appointment_id limit 1
                        for update of v skip locked)
                    returning 1)
                select (select count(*) from already) + (select count(*) from taken)""")
                        .param("p", patientId)
                        .param("s", serviceId)
                        .param("m", minutes)
                        .param("start", utc(start))
                        .param("a", appointmentId)
                        .param("now", utc(now))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Gives back the voucher the appointment used, if any. */
    void release(UUID appointmentId) {
        jdbc.sql("update outcomes_voucher set redeemed_at = null, redeemed_for = null where redeemed_for = :a")
                .param("a", appointmentId)
                .update();
    }
}
