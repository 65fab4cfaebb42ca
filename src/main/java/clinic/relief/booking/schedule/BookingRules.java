package clinic.relief.booking.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * Clinic-wide rules for offering start times.
 *
 * @param slotGrid start times are the start of working hours plus whole multiples of this
 * @param minimumNotice the earliest start offered is this long after now
 * @param horizon the latest start offered is less than this long after now
 */
public record BookingRules(Duration slotGrid, Duration minimumNotice, Duration horizon) {

    public BookingRules {
        Objects.requireNonNull(slotGrid, "slotGrid");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(horizon, "horizon");
        if (slotGrid.isNegative() || slotGrid.isZero()) {
            throw new IllegalArgumentException("The slot grid must be positive: " + slotGrid);
        }
    }
}
