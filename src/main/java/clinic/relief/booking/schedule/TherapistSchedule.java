package clinic.relief.booking.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import clinic.relief.booking.TimeRange;

/**
 * What availability needs to know about one therapist: weekly hours and breaks, time off, and the spans already
 * blocked by appointments (each appointment's session plus its buffer).
 */
public record TherapistSchedule(
        UUID therapistId,
        List<WeeklyTime> hours,
        List<WeeklyTime> breaks,
        List<TimeRange> timeOff,
        List<TimeRange> blocked) {

    public TherapistSchedule {
        Objects.requireNonNull(therapistId, "therapistId");
        hours = List.copyOf(hours);
        breaks = List.copyOf(breaks);
        timeOff = List.copyOf(timeOff);
        blocked = List.copyOf(blocked);
    }

    /** The same schedule with {@code span} blocked too. */
    public TherapistSchedule withBlocked(TimeRange span) {
        List<TimeRange> more = new ArrayList<>(blocked);
        more.add(span);
        return new TherapistSchedule(therapistId, hours, breaks, timeOff, more);
    }
}
