package clinic.relief.blog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * A signed timestamp put into the comment form when it is shown. A form sent back too quickly was filled by a bot;
 * a token that does not verify was forged or copied from another article. Thread-safe.
 */
@Component
class TimeTrap {

    enum Result {
        OK,
        TOO_FAST,
        FORGED,
        EXPIRED
    }

    private static final Duration MAX_AGE = Duration.ofDays(2);

    private final Clock clock;
    private final Duration minimum;
    private final byte[] key;

    TimeTrap(Clock clock, BlogSettings settings) {
        this.clock = clock;
        this.minimum = settings.minFormSeconds();
        String secret = settings.timeTrapSecret();
        if (secret == null || secret.isBlank()) {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    String issue(String articleSlug) {
        String payload = clock.millis() + ":" + articleSlug;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + sign(payload);
    }

    Result check(String token, String articleSlug) {
        if (token == null || token.indexOf('.') < 0) {
            return Result.FORGED;
        }
        try {
            String payload = new String(
                    Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
            String signature = token.substring(token.indexOf('.') + 1);
            if (!MessageDigest.isEqual(
                            sign(payload).getBytes(StandardCharsets.US_ASCII),
                            signature.getBytes(StandardCharsets.US_ASCII))
                    || !payload.endsWith(":" + articleSlug)) {
                return Result.FORGED;
            }
            Instant issued = Instant.ofEpochMilli(Long.parseLong(payload.substring(0, payload.indexOf(':'))));
            Duration age = Duration.between(issued, clock.instant());
            if (age.compareTo(minimum) < 0) {
                return Result.TOO_FAST;
            }
            return age.compareTo(MAX_AGE) > 0 ? Result.EXPIRED : Result.OK;
        } catch (IllegalArgumentException ex) {
            return Result.FORGED;
        }
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
