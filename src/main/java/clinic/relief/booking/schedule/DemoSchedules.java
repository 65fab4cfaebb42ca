package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import clinic.relief.booking.BookableService;
import clinic.relief.booking.Therapist;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo rooms and therapist hours (demo profile only): three rooms, and shifts that together cover every hour the
 * clinic advertises (weekdays 9-20, Saturday 9-18, Sunday 10-17) so that every advertised hour can be booked. The
 * listed therapists, by name, take a weekday shift, a weekday and Saturday shift, and the evening and Sunday shift in
 * turn, and the weekday therapist covers the weekend's midday breaks; everyone gives every service. Runs once the app is ready, after the demo staff exist.
 */
@Component
@Profile("demo")
class DemoSchedules {

    private static final List<DayOfWeek> WEEKDAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** A weekly shift: its hours and its breaks. */
    private record Shift(List<WeeklyTime> hours, List<WeeklyTime> breaks) {}

    private final ScheduleAdmin admin;
    private final Therapists therapists;
    private final Catalogue catalogue;

    DemoSchedules(ScheduleAdmin admin, Therapists therapists, Catalogue catalogue) {
        this.admin = admin;
        this.therapists = therapists;
        this.catalogue = catalogue;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        List.of("Room 1", "Room 2", "Room 3").forEach(admin::room);
        List<Shift> shifts = List.of(eveningsAndSunday(), weekdaysAndSaturday(), weekdaysAndWeekendMiddays());
        List<String> services =
                catalogue.all().stream().map(BookableService::id).toList();
        List<Therapist> listed = therapists.all().stream()
                .sorted(Comparator.comparing(Therapist::name))
                .toList();
        for (int i = 0; i < listed.size(); i++) {
            Shift shift = shifts.get(i % shifts.size());
            admin.schedule(listed.get(i).id(), shift.hours(), shift.breaks(), services);
        }
    }

    private static Shift weekdays() {
        Shift shift = new Shift(new ArrayList<>(), new ArrayList<>());
        for (DayOfWeek day : WEEKDAYS) {
            shift.hours().add(new WeeklyTime(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
            shift.breaks().add(new WeeklyTime(day, LocalTime.of(13, 0), LocalTime.of(14, 0)));
        }
        return shift;
    }

    /**
     * The weekday shift and a short midday shift on Saturday and Sunday, so that the weekend's one other therapist can
     * take a break while the clinic stays bookable.
     */
    private static Shift weekdaysAndWeekendMiddays() {
        Shift shift = weekdays();
        shift.hours().add(new WeeklyTime(DayOfWeek.SATURDAY, LocalTime.of(12, 0), LocalTime.of(16, 0)));
        shift.hours().add(new WeeklyTime(DayOfWeek.SUNDAY, LocalTime.of(12, 0), LocalTime.of(16, 0)));
        return shift;
    }

    private static Shift weekdaysAndSaturday() {
        Shift shift = weekdays();
        shift.hours().add(new WeeklyTime(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)));
        shift.breaks().add(new WeeklyTime(DayOfWeek.SATURDAY, LocalTime.of(13, 0), LocalTime.of(14, 0)));
        return shift;
    }

    private static Shift eveningsAndSunday() {
        Shift shift = new Shift(new ArrayList<>(), new ArrayList<>());
        for (DayOfWeek day : WEEKDAYS) {
            shift.hours().add(new WeeklyTime(day, LocalTime.of(12, 0), LocalTime.of(20, 0)));
            shift.breaks().add(new WeeklyTime(day, LocalTime.of(16, 0), LocalTime.of(16, 30)));
        }
        shift.hours().add(new WeeklyTime(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(17, 0)));
        shift.breaks().add(new WeeklyTime(DayOfWeek.SUNDAY, LocalTime.of(13, 0), LocalTime.of(13, 30)));
        return shift;
    }
}
