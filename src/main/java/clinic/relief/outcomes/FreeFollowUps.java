package clinic.relief.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.FollowUpVouchers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.outcomes.Visits.utc;

/**
 * The relief guarantee's vouchers as billing sees them. A voucher pays one follow-up of the same service, no longer
 * than the session it makes up for, starting after it was offered and by its end of validity. Redeeming locks the
 * voucher row ({@code for update skip locked}), so two bookings at once never share one voucher: the second finds
 * none (or the patient's next one). Runs in billing's transaction.
 */
@Component
class FreeFollowUps implements FollowUpVouchers {

    static final FreeSession FREE = new FreeSession("outcomes.voucher.line");

    private static final String FITTING = """
            select v.appointment_id from outcomes_voucher v
            join outcomes_visit o on o.appointment_id = v.appointment_id
            where v.patient_id = :p and v.service_id = :s and o.minutes >= :m and v.redeemed_at is null
                and v.created_at <= :start and v.valid_until >= :start
            order by v.valid_until, v.appointment_id limit 1""";

    private final JdbcClient jdbc;
    private final Clock clock;

    FreeFollowUps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<FreeSession> available(UUID patientId, String serviceId, int minutes, Instant start) {
        return jdbc.sql(FITTING).param("p", patientId).param("s", serviceId).param("m", minutes)
                .param("start", utc(start)).query(UUID.class).optional().map(voucher -> FREE);
    }

    @Override
    public Optional<FreeSession> redeem(UUID patientId, String serviceId, int minutes, Instant start,
            UUID appointmentId) {
        // One round trip: a voucher this appointment already holds (a repeated event), else the first that fits.
        int used = jdbc.sql("with already as (select 1 from outcomes_voucher where redeemed_for = :a),"
                        + " taken as (update outcomes_voucher set redeemed_at = :now, redeemed_for = :a"
                        + " where not exists (select from already) and appointment_id = (" + FITTING
                        + " for update of v skip locked) returning 1)"
                        + " select (select count(*) from already) + (select count(*) from taken)")
                .param("p", patientId).param("s", serviceId).param("m", minutes).param("start", utc(start))
                .param("a", appointmentId).param("now", utc(clock.instant())).query(Integer.class).single();
        return used > 0 ? Optional.of(FREE) : Optional.empty();
    }

    @Override
    public void release(UUID appointmentId) {
        jdbc.sql("update outcomes_voucher set redeemed_at = null, redeemed_for = null where redeemed_for = :a")
                .param("a", appointmentId).update();
    }
}
