package clinic.relief.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relief.booking.online-hold.*}: how long an unconfirmed online booking holds its slot before it expires.
 */
@ConfigurationProperties("relief.booking.online-hold")
record OnlineHoldSettings(Duration lasts) {

    OnlineHoldSettings {
        if (lasts == null || lasts.isNegative() || lasts.isZero()) {
            throw new IllegalArgumentException("relief.booking.online-hold.lasts must be positive");
        }
    }
}
