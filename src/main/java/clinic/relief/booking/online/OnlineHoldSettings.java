package clinic.relief.booking.online;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relief.booking.online-hold.*}: how long an unconfirmed online booking holds its slot before it expires
 * ({@code lasts}), and how long after that its placeholder patient is kept if nothing else refers to it
 * ({@code purge-after}, 7 days unless set).
 */
@ConfigurationProperties("relief.booking.online-hold")
record OnlineHoldSettings(Duration lasts, Duration purgeAfter) {

    OnlineHoldSettings {
        if (lasts == null || lasts.isNegative() || lasts.isZero()) {
            throw new IllegalArgumentException("relief.booking.online-hold.lasts must be positive");
        }
        purgeAfter = purgeAfter == null ? Duration.ofDays(7) : purgeAfter;
        if (purgeAfter.isNegative()) {
            throw new IllegalArgumentException("relief.booking.online-hold.purge-after must not be negative");
        }
    }
}
