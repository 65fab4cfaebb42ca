package clinic.relief.blog;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Comments per hour per IP address and per email address (Bucket4j token buckets, in memory: one app instance's
 * view, which is enough to stop a flood). The maps are cleared by housekeeping so they cannot grow without bound.
 */
@Component
class RateLimits {

    private final Map<String, Bucket> byIp = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byEmail = new ConcurrentHashMap<>();
    private final int perIp;
    private final int perEmail;

    RateLimits(BlogSettings settings) {
        this.perIp = settings.commentsPerHourPerIp();
        this.perEmail = settings.commentsPerHourPerEmail();
    }

    boolean allowIp(String ip) {
        return byIp.computeIfAbsent(String.valueOf(ip), k -> bucket(perIp)).tryConsume(1);
    }

    boolean allowEmail(String email) {
        return byEmail.computeIfAbsent(String.valueOf(email).toLowerCase(Locale.ROOT), k -> bucket(perEmail))
                .tryConsume(1);
    }

    void forgetAll() {
        byIp.clear();
        byEmail.clear();
    }

    private static Bucket bucket(int perHour) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perHour)
                        .refillGreedy(perHour, Duration.ofHours(1))
                        .build())
                .build();
    }
}
