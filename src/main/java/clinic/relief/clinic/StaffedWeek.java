package clinic.relief.clinic;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;

/**
 * What the therapists' weekly schedules cover, provided by the booking module: the public site advertises only the
 * opening hours someone can be booked in, so a day nobody works is not shown as open.
 */
public interface StaffedWeek {

    /**
     * For each day of the week on which at least one listed therapist works, from the earliest start to the latest end
     * of anyone's hours that day, in the clinic's zone. A day nobody works is absent.
     */
    Map<DayOfWeek, Span> spans();

    /** Wall-clock time on one day, in the clinic's zone. */
    record Span(LocalTime start, LocalTime end) {}
}
