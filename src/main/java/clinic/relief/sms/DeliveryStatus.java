package clinic.relief.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twilio's delivery status callbacks: the newest status of each text (a late or repeated callback never takes a text
 * back to an earlier status), with Twilio's error code. A text that failed for good blocks its number.
 */
@Service
class DeliveryStatus {

    private static final Map<String, Integer> RANK =
            Map.of("queued", 1, "sending", 2, "sent", 3, "delivered", 4, "undelivered", 4, "failed", 4);

    private final TextStore store;
    private final ConsentStore consents;
    private final Clock clock;

    DeliveryStatus(TextStore store, ConsentStore consents, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.clock = clock;
    }

    @Transactional
    void record(String sid, String status, String errorCode) {
        Integer rank = RANK.get(status);
        if (rank == null) {
            return;
        }
        Integer code = errorCode.matches("[0-9]{1,9}") ? Integer.valueOf(errorCode) : null;
        Instant now = clock.instant();
        Optional<String> recipient = store.status(sid, status, rank, code, now);
        if (recipient.isPresent() && code != null && TwilioGateway.PERMANENT.contains(code)) {
            consents.block(recipient.get(), TextWorker.blockReason(code), code, now);
            store.voidTo(recipient.get(), "number blocked", now);
        }
    }
}
