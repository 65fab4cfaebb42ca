package clinic.relief.booking;

import java.time.Instant;
import java.util.List;

/** Someone else got the slot first (PostgreSQL refused the overlap); carries the nearest free alternatives. */
public class SlotTaken extends RuntimeException {

    private final transient List<Slot> alternatives;

    public SlotTaken(Instant start, List<Slot> alternatives) {
        super("The slot at " + start + " was just taken");
        this.alternatives = List.copyOf(alternatives);
    }

    public List<Slot> alternatives() {
        return alternatives;
    }
}
