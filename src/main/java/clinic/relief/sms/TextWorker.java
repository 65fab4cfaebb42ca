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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due texts through Twilio. Each row stays locked ({@code FOR UPDATE SKIP LOCKED}) from pick-up to being marked,
 * so workers on several instances never send one twice. Just before sending it checks again what may have changed
 * since the text was queued: a text due in the quiet hours (the clinic's or the patient's own zone's) waits for the
 * morning, and one to a patient who withdrew consent or a number that opted out or failed for good is voided. A refusal for good (invalid, landline, unsubscribed)
 * blocks the number; any other failure retries with a doubling back-off. Without Twilio credentials nothing is sent
 * and the rows wait.
 */
@Component
public class TextWorker {

    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 8;

    private final TextStore store;
    private final ConsentStore consents;
    private final TwilioGateway twilio;
    private final TransactionTemplate transactions;
    private final QuietHours quiet;
    private final Clock clock;

    TextWorker(
            TextStore store,
            ConsentStore consents,
            TwilioGateway twilio,
            TransactionTemplate transactions,
            SmsSettings settings,
            ClinicProfile clinic,
            Clock clock) {
        this.store = store;
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
            Duration backOff = Duration.ofMinutes(1L << Math.min(row.attempts(), 10));
            store.retryLater(row.id(), failed.error(), now.plus(backOff));
        }
        return 0;
    }

    static String blockReason(int twilioCode) {
        return twilioCode == TwilioGateway.UNSUBSCRIBED ? "OPTED_OUT" : "FAILED";
    }
}
