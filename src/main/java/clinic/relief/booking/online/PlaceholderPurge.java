package clinic.relief.booking.online;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import clinic.relief.mail.Mail;
import clinic.relief.patients.Patients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Deletes the placeholder patients of online bookings that were never confirmed, {@code purge-after} (7 days) after
 * their hold expired, with those holds, their e-mails, idempotency keys and intake. A placeholder is kept when
 * anything else refers to it: any other appointment, an attached assessment, or a row in any table with a patient id
 * column (account, waitlist, billing, insurance, outcomes, payments, texts, the clinical audit trail), named in one
 * fixed statement that a test compares with the database catalogue. A foreign key that still points at it rolls its
 * deletion back and keeps it. A placeholder that holds no appointment at all is deleted, with its intake, a day after
 * it was stored.
 */
@Component
class PlaceholderPurge {

    private static final Logger log = LoggerFactory.getLogger(PlaceholderPurge.class);

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
    /** How long a placeholder with no appointment at all is kept: longer than any booking takes to write its hold. */
    static final Duration ORPHAN_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Patients patients;
    private final Mail mail;
    private final TransactionTemplate transactions;
    private final OnlineHoldSettings settings;
    private final Clock clock;

    PlaceholderPurge(
            JdbcClient jdbc,
            Patients patients,
            Mail mail,
            TransactionTemplate transactions,
            OnlineHoldSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.mail = mail;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Purges what is due, each placeholder in its own transaction; returns how many were deleted. */
    @Scheduled(fixedDelayString = "${relief.booking.online-hold.purge-every:1h}", initialDelayString = "5m")
    int purgeDue() {
        Instant cutoff = clock.instant().minus(settings.purgeAfter());
        List<UUID> due =
                jdbc.sql("""
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
        int purged = (int) Stream.concat(due.stream(), orphans().stream())
                .distinct()
                .filter(this::purge)
                .count();
        if (purged > 0) {
            log.info("Deleted {} placeholder patient(s) of online bookings never confirmed", purged);
        }
        return purged;
    }

    /**
     * Placeholders older than {@link #ORPHAN_AFTER} that hold no appointment at all: left by a booking that failed
     * between storing the placeholder and its hold (a crash, a refusal missed), they would otherwise keep what the
     * visitor typed, health answers included, for ever.
     */
    private List<UUID> orphans() {
        return jdbc.sql("""
                select p.id from patient p
                where p.unverified and p.merged_into is null and p.created_at < :cutoff
                  and not exists (select 1 from booking_appointment a where a.patient_id = p.id)
                limit 500
                """)
                .param("cutoff", utc(clock.instant().minus(ORPHAN_AFTER)))
                .query(UUID.class)
                .list();
    }

    private boolean purge(UUID placeholder) {
        try {
            return Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!patients.lockUnverified(placeholder) || referencedElsewhere(placeholder)) {
                    return false;
                }
                mail.discardAbout(jdbc.sql("select id from booking_appointment where patient_id = :p")
                        .param("p", placeholder)
                        .query(UUID.class)
                        .list());
                jdbc.sql("""
                                delete from booking_online_hold
                                where appointment_id in (select id from booking_appointment where patient_id = :p)""").param("p", placeholder).update();
                jdbc.sql("""
                                delete from booking_idempotency
                                where appointment_id in (select id from booking_appointment where patient_id = :p)""").param("p", placeholder).update();
                jdbc.sql("delete from booking_appointment where patient_id = :p")
                        .param("p", placeholder)
                        .update();
                patients.discardUnverified(placeholder);
                return true;
            }));
        } catch (DataIntegrityViolationException stillReferenced) {
            log.debug("Placeholder {} is still referenced and kept: {}", placeholder, stillReferenced.getMessage());
            return false;
        }
    }

    /** Whether a row outside the placeholder's own holds and intake names it. */
    private boolean referencedElsewhere(UUID placeholder) {
        return Boolean.TRUE.equals(jdbc.sql(REFERENCED_ELSEWHERE)
                .param("p", placeholder)
                .query(Boolean.class)
                .single());
    }
}
