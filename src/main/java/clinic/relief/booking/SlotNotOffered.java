package clinic.relief.booking;

import java.time.Instant;

/**
 * The start asked for is not one availability offers: in the past, inside the minimum notice, beyond the horizon,
 * off the grid, outside hours, or in a break or time off. Nothing was written.
 */
public class SlotNotOffered extends RuntimeException {

    public SlotNotOffered(Instant start) {
        super("No free slot starts at " + start);
    }
}
