package clinic.relief.booking.waitlist;

import java.time.LocalTime;

import org.springframework.modulith.NamedInterface;

/** When in the clinic's day a waitlist request wants to start: morning before noon, afternoon until 5 pm. */
@NamedInterface("waitlist")
public enum PartOfDay {
    ANY,
    MORNING,
    AFTERNOON,
    EVENING;

    private static final LocalTime NOON = LocalTime.NOON;
    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    public boolean contains(LocalTime start) {
        return switch (this) {
            case ANY -> true;
            case MORNING -> start.isBefore(NOON);
            case AFTERNOON -> !start.isBefore(NOON) && start.isBefore(FIVE_PM);
            case EVENING -> !start.isBefore(FIVE_PM);
        };
    }
}
