package clinic.relief.booking.waitlist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code relief.booking.waitlist.*}: how long a waitlist offer is kept for one patient before the next gets it. */
@ConfigurationProperties("relief.booking.waitlist")
public record WaitlistSettings(Duration offerLasts) {

    public WaitlistSettings {
        if (offerLasts == null || offerLasts.isNegative() || offerLasts.isZero()) {
            throw new IllegalArgumentException("relief.booking.waitlist.offer-lasts must be positive");
        }
    }
}
