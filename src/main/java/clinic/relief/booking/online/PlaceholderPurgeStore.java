package clinic.relief.booking.online;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The SQL of {@link PlaceholderPurge}: which placeholders are due, whether anything names one, their deletion. */
@Repository
class PlaceholderPurgeStore {

    /**
     * Every column of the schema that can hold a patient's id, apart from the placeholder's own appointments and
     * intake, which go with it. PlaceholderPurgeTests compares this list with the database catalogue, so a table
     * added later fails the build until it is named here.
     */
    static final String REFERENCED_ELSEWHERE = """
            select exists (select 1 from billing_invoice where patient_id = :p)
                or exists (select 1 from billing_membership where patient_id = :p)
                or exists (select 1 from billing_membership_household where patient_id = :p)
                or exists (select 1 from billing_quote where patient_id = :p)
                or exists (select 1 from booking_waitlist where patient_id = :p)
                or exists (select 1 from clinical_audit where patient_id = :p)
                or exists (select 1 from insurance_claim where patient_id = :p)
                or exists (select 1 from insurance_coverage where patient_id = :p)
                or exists (select 1 from insurance_prescription where patient_id = :p)
                or exists (select 1 from intake_link where patient_id = :p)
                or exists (select 1 from intake_signature where patient_id = :p)
                or exists (select 1 from outcomes_response where patient_id = :p)
                or exists (select 1 from outcomes_visit where patient_id = :p)
                or exists (select 1 from outcomes_voucher where patient_id = :p)
                or exists (select 1 from patient_account where patient_id = :p)
                or exists (select 1 from patient_account_offer where patient_id = :p)
                or exists (select 1 from payments_authentication_link where patient_id = :p)
                or exists (select 1 from payments_card_link where patient_id = :p)
                or exists (select 1 from payments_checkout where patient_id = :p)
                or exists (select 1 from payments_customer where patient_id = :p)
                or exists (select 1 from payments_deposit where patient_id = :p)
                or exists (select 1 from payments_desk_checkout where patient_id = :p)
                or exists (select 1 from payments_dues where patient_id = :p)
                or exists (select 1 from payments_fee where patient_id = :p)
                or exists (select 1 from sms_consent where patient_id = :p)
                or exists (select 1 from sms_inbound where patient_id = :p)
                or exists (select 1 from sms_outbox where patient_id = :p)
            """;

    private final JdbcClient jdbc;

    PlaceholderPurgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to 500 placeholders with a hold that expired unconfirmed before {@code cutoff} and nothing else: every
     * appointment of theirs is such a hold, cancelled and without an assessment.
     */
    List<UUID> expiredPlaceholders(Instant cutoff) {
        return jdbc.sql("""
                select a.patient_id from booking_appointment a
                left join booking_online_hold h on h.appointment_id = a.id
                where a.patient_id in (select held.patient_id from booking_online_hold expired
                                       join booking_appointment held on held.id = expired.appointment_id
                                       where expired.expired_at < :cutoff and expired.confirmed_at is null)
                group by a.patient_id
                having bool_and(a.status = 'CANCELLED' and a.assessment_id is null and h.confirmed_at is null
                                and h.expired_at is not null and h.expired_at < :cutoff)
                limit 500
                """).param("cutoff", utc(cutoff)).query(UUID.class).list();
    }

    /** Up to 500 placeholders (unverified, not merged) stored before {@code cutoff} that hold no appointment at all. */
    List<UUID> orphansCreatedBefore(Instant cutoff) {
        return jdbc.sql("""
                select p.id from patient p
                where p.unverified and p.merged_into is null and p.created_at < :cutoff
                  and not exists (select 1 from booking_appointment a where a.patient_id = p.id)
                limit 500
                """).param("cutoff", utc(cutoff)).query(UUID.class).list();
    }

    /** Whether a row outside the placeholder's own holds and intake names it. */
    boolean referencedElsewhere(UUID placeholder) {
        return Boolean.TRUE.equals(jdbc.sql(REFERENCED_ELSEWHERE)
                .param("p", placeholder)
                .query(Boolean.class)
                .single());
    }

    /** The ids of the placeholder's appointments. */
    List<UUID> appointmentsOf(UUID placeholder) {
        return jdbc.sql("select id from booking_appointment where patient_id = :p")
                .param("p", placeholder)
                .query(UUID.class)
                .list();
    }

    /** Deletes the online holds of the placeholder's appointments. */
    void deleteHolds(UUID placeholder) {
        jdbc.sql("""
                        delete from booking_online_hold
                        where appointment_id in (select id from booking_appointment where patient_id = :p)""").param("p", placeholder).update();
    }

    /** Deletes the idempotency keys of the placeholder's appointments. */
    void deleteIdempotencyKeys(UUID placeholder) {
        jdbc.sql("""
                        delete from booking_idempotency
                        where appointment_id in (select id from booking_appointment where patient_id = :p)""").param("p", placeholder).update();
    }

    /** Deletes the placeholder's appointments. */
    void deleteAppointments(UUID placeholder) {
        jdbc.sql("delete from booking_appointment where patient_id = :p")
                .param("p", placeholder)
                .update();
    }
}
