package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The owner's form for one therapist's week: per day up to two stretches of working hours and one break, and the
 * services the therapist gives. Empty times mean "not working" (or no second stretch, or no break).
 */
record ScheduleForm(List<DayHours> days, List<String> services) {

    ScheduleForm {
        days = days == null ? List.of() : days;
        services = services == null ? List.of() : services;
    }

    /** One day of the week. */
    record DayHours(
            DayOfWeek day,
            @DateTimeFormat(pattern = "HH:mm") LocalTime start,
            @DateTimeFormat(pattern = "HH:mm") LocalTime end,
            @DateTimeFormat(pattern = "HH:mm") LocalTime start2,
            @DateTimeFormat(pattern = "HH:mm") LocalTime end2,
            @DateTimeFormat(pattern = "HH:mm") LocalTime breakStart,
            @DateTimeFormat(pattern = "HH:mm") LocalTime breakEnd) {}

    /** The form for a stored week: the earliest two stretches and the first break of each day. */
    static ScheduleForm of(List<WeeklyTime> hours, List<WeeklyTime> breaks, List<String> services) {
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WeeklyTime> on = hours.stream()
                    .filter(h -> h.day() == day)
                    .sorted(Comparator.comparing(WeeklyTime::start))
                    .toList();
            WeeklyTime pause =
                    breaks.stream().filter(b -> b.day() == day).findFirst().orElse(null);
            days.add(new DayHours(
                    day,
                    on.isEmpty() ? null : on.get(0).start(),
                    on.isEmpty() ? null : on.get(0).end(),
                    on.size() < 2 ? null : on.get(1).start(),
                    on.size() < 2 ? null : on.get(1).end(),
                    pause == null ? null : pause.start(),
                    pause == null ? null : pause.end()));
        }
        return new ScheduleForm(days, services);
    }

    /** Working hours; call only once {@link ScheduleChecks} found no errors. */
    List<WeeklyTime> hours() {
        List<WeeklyTime> hours = new ArrayList<>();
        for (DayHours d : days) {
            if (d.start() != null) {
                hours.add(new WeeklyTime(d.day(), d.start(), d.end()));
            }
            if (d.start2() != null) {
                hours.add(new WeeklyTime(d.day(), d.start2(), d.end2()));
            }
        }
        return hours;
    }

    List<WeeklyTime> breaks() {
        return days.stream()
                .filter(d -> d.breakStart() != null)
                .map(d -> new WeeklyTime(d.day(), d.breakStart(), d.breakEnd()))
                .toList();
    }
}
