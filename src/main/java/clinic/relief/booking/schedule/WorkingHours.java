package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import clinic.relief.booking.Booking;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.TimeRange;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The therapists' working week as the owner set it (weekly hours and breaks) and the time they are scheduled to work
 * on a date (hours less breaks and time off), for the staff workspace's figures and the settings' checks. Reads the
 * same configuration availability uses, so what it says is what can be booked.
 */
@NamedInterface("schedule")
@Service
public class WorkingHours {

    private final ScheduleConfiguration configuration;
    private final Schedules schedules;
    private final Therapists therapists;
    private final Booking booking;

    WorkingHours(ScheduleConfiguration configuration, Schedules schedules, Therapists therapists, Booking booking) {
        this.configuration = configuration;
        this.schedules = schedules;
        this.therapists = therapists;
        this.booking = booking;
    }

    /** Wall-clock time on one day of every week, in the clinic's zone. */
    public record Hours(DayOfWeek day, LocalTime start, LocalTime end) {}

    /** One therapist's weekly hours and breaks, by day and start. */
    public record TherapistWeek(Therapist therapist, List<Hours> hours, List<Hours> breaks) {}

    /** Every listed therapist's week, by name. */
    @Transactional(readOnly = true)
    public List<TherapistWeek> weekly() {
        ScheduleConfiguration.Snapshot now = current();
        return therapists.all().stream()
                .map(t -> new TherapistWeek(
                        t,
                        hours(now.hours().getOrDefault(t.id(), List.of())),
                        hours(now.breaks().getOrDefault(t.id(), List.of()))))
                .toList();
    }

    /** Minutes all therapists together are scheduled to work on the clinic date: hours less breaks and time off. */
    @Transactional(readOnly = true)
    public long scheduledMinutes(LocalDate date) {
        ScheduleConfiguration.Snapshot now = current();
        long minutes = 0;
        for (Therapist therapist : therapists.all()) {
            minutes += scheduledMinutes(now, therapist.id(), date);
        }
        return minutes;
    }

    private long scheduledMinutes(ScheduleConfiguration.Snapshot now, UUID therapist, LocalDate date) {
        List<TimeRange> free = new ArrayList<>();
        now.hours().getOrDefault(therapist, List.of()).stream()
                .filter(h -> h.fallsOn(date))
                .forEach(h -> free.add(h.on(date, booking.zone())));
        List<TimeRange> off = new ArrayList<>(now.timeOff().getOrDefault(therapist, List.of()));
        now.breaks().getOrDefault(therapist, List.of()).stream()
                .filter(b -> b.fallsOn(date))
                .forEach(b -> off.add(b.on(date, booking.zone())));
        List<TimeRange> left = free;
        for (TimeRange taken : off) {
            left = without(left, taken);
        }
        return left.stream()
                .mapToLong(r -> Duration.between(r.start(), r.end()).toMinutes())
                .sum();
    }

    /** The parts of {@code ranges} outside {@code taken}. */
    static List<TimeRange> without(List<TimeRange> ranges, TimeRange taken) {
        List<TimeRange> left = new ArrayList<>();
        for (TimeRange r : ranges) {
            if (!r.overlaps(taken)) {
                left.add(r);
                continue;
            }
            if (r.start().isBefore(taken.start())) {
                left.add(new TimeRange(r.start(), taken.start()));
            }
            if (taken.end().isBefore(r.end())) {
                left.add(new TimeRange(taken.end(), r.end()));
            }
        }
        return left;
    }

    private ScheduleConfiguration.Snapshot current() {
        return configuration.at(schedules.nothingBlocked().version());
    }

    private static List<Hours> hours(List<WeeklyTime> times) {
        return times.stream()
                .map(t -> new Hours(t.day(), t.start(), t.end()))
                .sorted(Comparator.comparing(Hours::day).thenComparing(Hours::start))
                .toList();
    }
}
