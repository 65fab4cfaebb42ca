package clinic.relief.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.SortedMap;

import clinic.relief.booking.schedule.ServiceRules;
import clinic.relief.clinic.ClinicProfile;

/** A service from the clinic profile together with its booking rules. */
public record BookableService(ClinicProfile.Service service, ServiceRules rules) {

    public String id() {
        return service.id();
    }

    public String name(Locale locale) {
        return service.name(locale);
    }

    public SortedMap<Integer, BigDecimal> prices() {
        return service.pricesByLength();
    }

    /** The price of a session of {@code minutes}; throws {@link UnknownLength} when the service has no such length. */
    public BigDecimal price(int minutes) {
        BigDecimal price = prices().get(minutes);
        if (price == null) {
            throw new UnknownLength(id(), minutes);
        }
        return price;
    }

    /** A cancellation less than this long before the start is late. */
    public Duration cancelWindow() {
        return rules.cancelWindow();
    }

    /** Share of the session price owed for a late cancellation, in percent. */
    public int lateCancelPercent() {
        return rules.lateCancelPercent();
    }

    /** Share of the session price owed for a no-show, in percent. */
    public int noShowPercent() {
        return rules.noShowPercent();
    }

    Duration session(int minutes) {
        price(minutes);
        return Duration.ofMinutes(minutes);
    }
}
