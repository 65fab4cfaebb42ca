package clinic.relief.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due texts through Twilio, each first written by the {@link ReminderWriter}. Each row stays locked
 * ({@code FOR UPDATE SKIP LOCKED}) from pick-up to being marked, so workers on several instances never send one twice.
 * Just before sending it checks again what may have changed since the text was queued: a text due in the quiet hours
 * (the clinic's or the patient's own zone's) waits for the morning, and one to a patient who withdrew consent or a
 * number that opted out or failed for good is voided. A refusal for good (invalid, landline, unsubscribed) blocks the
 * number; any other failure retries with a doubling back-off. Without Twilio credentials nothing is sent and the rows
 * wait.
 */
@Component
public class TextWorker {

    private static final Logger log = LoggerFactory.getLogger(TextWorker.class);

    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 8;

    private final TextStore store;
    private final ConsentStore consents;
    private final TwilioGateway twilio;
    private final TransactionTemplate transactions;
    private final QuietHours quiet;
    private final ReminderWriter writer;
    private final Clock clock;

    TextWorker(
            TextStore store,
            ReminderWriter writer,
            ConsentStore consents,
            TwilioGateway twilio,
            TransactionTemplate transactions,
            SmsSettings settings,
            ClinicProfile clinic,
            Clock clock) {
        this.store = store;
        this.writer = writer;
        this.consents = consents;
        this.twilio = twilio;
        this.transactions = transactions;
        this.quiet = new QuietHours(settings.quietFrom(), settings.quietUntil(), clinic.zone());
        this.clock = clock;
    }

    /** Sends what is due now, as the schedule does every few seconds; returns how many Twilio accepted. */
    public int sendDue() {
        if (!twilio.configured()) {
            return 0;
        }
        writeDue();
        Integer sent = transactions.execute(tx -> {
            Instant now = clock.instant();
            List<TextStore.Queued> due = store.due(now, MAX_ATTEMPTS, BATCH);
            List<UUID> patients =
                    due.stream().map(TextStore.Queued::patientId).distinct().toList();
            Map<UUID, String> numbers = consents.textable(patients);
            Map<UUID, ZoneId> zones = consents.zones(patients);
            return due.stream()
                    .mapToInt(row ->
                            send(row, numbers, quiet.alsoIn(Optional.ofNullable(zones.get(row.patientId()))), now))
                    .sum();
        });
        return sent == null ? 0 : sent;
    }

    /**
     * Gives the reminders that are due their words (or voids those that should no longer leave), each in a transaction
     * of its own: one that cannot be written waits and retries as a failed send does, holding up no other.
     */
    private void writeDue() {
        List<TextStore.ToWrite> due =
                transactions.execute(tx -> store.unwrittenDue(clock.instant(), MAX_ATTEMPTS, BATCH));
        for (TextStore.ToWrite row : due == null ? List.<TextStore.ToWrite>of() : due) {
            try {
                transactions.executeWithoutResult(tx -> {
                    if (store.lockUnwritten(row.id())) {
                        writer.write(row.appointmentId())
                                .ifPresentOrElse(
                                        body -> store.write(row.id(), body),
                                        () -> store.voidOne(row.id(), "no longer due", null, clock.instant()));
                    }
                });
            } catch (RuntimeException failed) {
                // The row's id and the error's name only: a text's words may not reach the logs.
                log.warn(
                        "Text {} could not be written: {}",
                        row.id(),
                        failed.getClass().getSimpleName());
                transactions.executeWithoutResult(tx -> store.retryLater(
                        row.id(),
                        failed.getClass().getSimpleName(),
                        clock.instant().plus(backOff(row.attempts()))));
            }
        }
    }

    private static Duration backOff(int attempts) {
        return Duration.ofMinutes(1L << Math.min(attempts, 10));
    }

    private int send(TextStore.Queued row, Map<UUID, String> numbers, QuietHours quiet, Instant now) {
        if (quiet.quiet(now)) {
            store.deferTo(row.id(), quiet.nextAllowed(now));
            return 0;
        }
        if (!row.recipient().equals(numbers.get(row.patientId()))) {
            store.voidOne(row.id(), "no consent for this number", null, now);
            return 0;
        }
        TwilioGateway.Outcome outcome = twilio.send(row.recipient(), row.body());
        if (outcome instanceof TwilioGateway.Accepted accepted) {
            store.sent(row.id(), accepted.sid(), accepted.status(), now);
            return 1;
        }
        if (outcome instanceof TwilioGateway.Refused refused) {
            store.voidOne(row.id(), "Twilio " + refused.code(), refused.code(), now);
            consents.block(row.recipient(), blockReason(refused.code()), refused.code(), now);
            store.voidTo(row.recipient(), "number blocked", now);
        } else if (outcome instanceof TwilioGateway.Failed failed) {
            store.retryLater(row.id(), failed.error(), now.plus(backOff(row.attempts())));
        }
        return 0;
    }

    static String blockReason(int twilioCode) {
        return twilioCode == TwilioGateway.UNSUBSCRIBED ? "OPTED_OUT" : "FAILED";
    }
}
