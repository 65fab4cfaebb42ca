package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import clinic.relief.booking.TimeRange;

/**
 * A stretch of wall-clock time on one day of every week (working hours, a lunch break), read in the clinic's zone.
 * On a daylight-saving day it is turned into instants with {@link ZonedDateTime#of}: a time inside the spring gap
 * moves forward by the gap, a time inside the autumn overlap takes the earlier offset.
 */
public record WeeklyTime(DayOfWeek day, LocalTime start, LocalTime end) {

    public WeeklyTime {
        Objects.requireNonNull(day, "day");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Weekly time must start before it ends: " + start + "-" + end);
        }
    }

    public boolean fallsOn(LocalDate date) {
        return date.getDayOfWeek() == day;
    }

    public TimeRange on(LocalDate date, ZoneId zone) {
        return new TimeRange(
                ZonedDateTime.of(date, start, zone).toInstant(),
                ZonedDateTime.of(date, end, zone).toInstant());
    }
}
