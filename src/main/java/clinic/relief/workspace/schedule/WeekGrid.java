package clinic.relief.workspace.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.schedule.ScheduleDays;

/**
 * A week of the schedule compactly: a row per therapist, a column per day (Monday to Sunday), each cell the
 * therapist's hours that day and the appointments as short lines that link to their panel.
 */
record WeekGrid(List<LocalDate> days, List<Row> rows) {

    WeekGrid {
        days = List.copyOf(days);
        rows = List.copyOf(rows);
    }

    /** One therapist's week. */
    record Row(Therapist therapist, List<Day> days) {}

    /** One therapist's day: working hours (empty text when off) and the appointments. */
    record Day(LocalDate date, boolean working, String hours, List<Item> items) {}

    /** One appointment as a short line. */
    record Item(AppointmentView appointment, String starts, String statusClass) {}

    static LocalDate monday(LocalDate date) {
        return date.minusDays(date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    static WeekGrid of(ScheduleDays.Span span, Predicate<UUID> shown, ZoneId zone, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        List<LocalDate> days = span.from().datesUntil(span.to().plusDays(1)).toList();
        Map<UUID, Map<LocalDate, List<Item>>> byTherapist = new HashMap<>();
        for (AppointmentView a : span.appointments()) {
            byTherapist
                    .computeIfAbsent(a.therapist().id(), id -> new HashMap<>())
                    .computeIfAbsent(a.start().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                    .add(new Item(
                            a,
                            time.format(a.start()),
                            "status-" + a.status().name().toLowerCase().replace('_', '-')));
        }
        List<Row> rows = new ArrayList<>();
        for (Therapist therapist : span.therapists()) {
            if (!shown.test(therapist.id())) {
                continue;
            }
            List<Day> week = new ArrayList<>();
            for (LocalDate date : days) {
                ScheduleDays.TherapistDay day = span.day(therapist.id(), date).orElseThrow();
                List<Item> items =
                        byTherapist.getOrDefault(therapist.id(), Map.of()).getOrDefault(date, List.of());
                List<String> hours = new ArrayList<>();
                for (TimeRange range : day.hours()) {
                    hours.add(time.format(range.start()) + "–" + time.format(range.end()));
                }
                week.add(new Day(date, day.working(), String.join(", ", hours), items));
            }
            if (week.stream().anyMatch(d -> d.working() || !d.items().isEmpty())) {
                rows.add(new Row(therapist, week));
            }
        }
        return new WeekGrid(days, rows);
    }
}
