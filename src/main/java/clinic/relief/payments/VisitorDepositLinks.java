package clinic.relief.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link that opens a visitor's deposit without a session: the appointment and an end, signed with HMAC-SHA256
 * under {@code relief.payments.visitor-link-secret} (a random key per start when unset: a restart then ends the
 * links, never the holds, which Stripe's webhook still books or the sweep releases). Nothing is stored; a link
 * altered by one character, or past its end ({@link #LASTS}: longer than any Checkout page lives), opens nothing.
 */
@Component
class VisitorDepositLinks {

    /** How long a link works: Stripe's longest Checkout page (24 hours) and a day to come back to the result. */
    static final Duration LASTS = Duration.ofDays(2);

    private final byte[] key;
    private final Clock clock;

    VisitorDepositLinks(@Value("${relief.payments.visitor-link-secret:}") String secret, Clock clock) {
        this.clock = clock;
        if (secret.isBlank()) {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A new link token for the appointment's deposit (URL-safe). */
    String issue(UUID appointmentId) {
        String payload = appointmentId + ":" + clock.instant().plus(LASTS).getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + sign(payload);
    }

    /** The appointment a genuine, unexpired token names; otherwise {@code payments.deposit.badLink} (404). */
    UUID open(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw bad();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(
                    sign(payload).getBytes(StandardCharsets.US_ASCII),
                    token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                throw bad();
            }
            int colon = payload.indexOf(':');
            Instant ends = Instant.ofEpochSecond(Long.parseLong(payload.substring(colon + 1)));
            if (!clock.instant().isBefore(ends)) {
                throw bad();
            }
            return UUID.fromString(payload.substring(0, colon));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            throw bad();
        }
    }

    private static PaymentsFailure bad() {
        return new PaymentsFailure("payments.deposit.badLink");
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
