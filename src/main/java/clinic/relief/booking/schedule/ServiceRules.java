package clinic.relief.booking.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import clinic.relief.shared.Money;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one service is booked.
 *
 * @param buffer clean-up time after each session, holding the therapist and the room (see {@link Availability})
 * @param needsRoom whether a session takes one of the clinic's rooms
 * @param cancelWindow a cancellation less than this long before the start is late
 * @param lateCancelPercent share of the session price owed for a late cancellation
 * @param noShowPercent share of the session price owed for a no-show
 * @param therapists how many therapists give one session together: 1, or 2 for a couples massage (two therapists,
 *     one room, both held for the same span)
 */
public record ServiceRules(
        Duration buffer,
        boolean needsRoom,
        Duration cancelWindow,
        int lateCancelPercent,
        int noShowPercent,
        @DefaultValue("1") int therapists) {

    public ServiceRules {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(cancelWindow, "cancelWindow");
        if (buffer.isNegative()
                || lateCancelPercent < 0
                || lateCancelPercent > 100
                || noShowPercent < 0
                || noShowPercent > 100) {
            throw new IllegalArgumentException("Buffer must not be negative and fees must be 0-100 %");
        }
        if (therapists < 1 || therapists > 2) {
            throw new IllegalArgumentException("A session is given by 1 or 2 therapists, not " + therapists);
        }
    }

    /** Whether a session holds two therapists at once (and one room): a couples massage. */
    public boolean twoTherapists() {
        return therapists == 2;
    }

    /** The fee that is {@code percent} of {@code price}, rounded half-up to the cent. */
    public Money share(Money price, int percent) {
        return price.percent(BigDecimal.valueOf(percent));
    }
}
