package clinic.relief.booking;

import java.time.Duration;
import java.util.Map;

import clinic.relief.booking.schedule.BookingRules;
import clinic.relief.booking.schedule.ServiceRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Booking rules from {@code relief.booking.*}: the clinic-wide slot grid, notice, horizon and reminder lead, and
 * the rules of each service by its id in the clinic profile ({@code defaults} for services not listed).
 */
@ConfigurationProperties("relief.booking")
public record BookingSettings(
        Duration slotGrid,
        Duration minimumNotice,
        Duration horizon,
        Duration reminderBefore,
        ServiceRules defaults,
        Map<String, ServiceRules> services) {

    public BookingSettings {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    BookingRules rules() {
        return new BookingRules(slotGrid, minimumNotice, horizon);
    }

    public ServiceRules rulesFor(String serviceId) {
        return services.getOrDefault(serviceId, defaults);
    }
}
