package clinic.relief.booking.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import org.springframework.stereotype.Component;

/** Lays a therapist's or a room's appointments out as days, Monday first, with times in the clinic's zone. */
@Component
class CalendarWeeks {

    private final BookingViews views;

    CalendarWeeks(BookingViews views) {
        this.views = views;
    }

    /** One day of the calendar. */
    record Day(LocalDate date, String label, boolean today, List<DayPages.Row> rows) {}

    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The days {@code from}-{@code to}, each with those of {@code all} that start on it. */
    List<Day> days(LocalDate from, LocalDate to, List<AppointmentView> all, Locale locale) {
        LocalDate today = views.today();
        List<Day> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            LocalDate on = date;
            days.add(new Day(
                    date,
                    views.date(date, locale),
                    date.equals(today),
                    all.stream()
                            .filter(a ->
                                    a.start().atZone(views.zone()).toLocalDate().equals(on))
                            .map(a -> new DayPages.Row(a, views.time(a.start(), locale), views.time(a.end(), locale)))
                            .toList()));
        }
        return days;
    }
}
