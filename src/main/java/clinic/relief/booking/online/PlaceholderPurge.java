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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the placeholder patients of online bookings that were never confirmed, {@code purge-after} (7 days) after
 * their hold expired, with those holds, their e-mails, idempotency keys and intake. A placeholder is kept when
 * anything else refers to it: any other appointment, an attached assessment, or a row in any table with a patient id
 * column (account, waitlist, billing, insurance, outcomes, payments, texts, the clinical audit trail), named in one
 * fixed statement ({@link PlaceholderPurgeStore#REFERENCED_ELSEWHERE}) that a test compares with the database
 * catalogue. A foreign key that still points at it rolls its deletion back and keeps it. A placeholder that holds no
 * appointment at all is deleted, with its intake, a day after it was stored.
 */
@Component
class PlaceholderPurge {

    private static final Logger log = LoggerFactory.getLogger(PlaceholderPurge.class);

    /** How long a placeholder with no appointment at all is kept: longer than any booking takes to write its hold. */
    static final Duration ORPHAN_AFTER = Duration.ofDays(1);

    private final PlaceholderPurgeStore store;
    private final Patients patients;
    private final Mail mail;
    private final TransactionTemplate transactions;
    private final OnlineHoldSettings settings;
    private final Clock clock;

    PlaceholderPurge(
            PlaceholderPurgeStore store,
            Patients patients,
            Mail mail,
            TransactionTemplate transactions,
            OnlineHoldSettings settings,
            Clock clock) {
        this.store = store;
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
        List<UUID> due = store.expiredPlaceholders(cutoff);
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
        return store.orphansCreatedBefore(clock.instant().minus(ORPHAN_AFTER));
    }

    private boolean purge(UUID placeholder) {
        try {
            return Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!patients.lockUnverified(placeholder) || store.referencedElsewhere(placeholder)) {
                    return false;
                }
                mail.discardAbout(store.appointmentsOf(placeholder));
                store.deleteHolds(placeholder);
                store.deleteIdempotencyKeys(placeholder);
                store.deleteAppointments(placeholder);
                patients.discardUnverified(placeholder);
                return true;
            }));
        } catch (DataIntegrityViolationException stillReferenced) {
            log.debug("Placeholder {} is still referenced and kept: {}", placeholder, stillReferenced.getMessage());
            return false;
        }
    }
}
