package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import clinic.relief.booking.BookableService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo rooms and therapist hours (demo profile only): three rooms, every listed therapist Monday to Saturday 9-18
 * with a lunch break at 13, giving every service. Runs once the app is ready, after the demo staff exist.
 */
@Component
@Profile("demo")
class DemoSchedules {

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
        List<WeeklyTime> hours = new ArrayList<>();
        List<WeeklyTime> breaks = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY)) {
            hours.add(new WeeklyTime(day, LocalTime.of(9, 0), LocalTime.of(18, 0)));
            breaks.add(new WeeklyTime(day, LocalTime.of(13, 0), LocalTime.of(14, 0)));
        }
        List<String> services =
                catalogue.all().stream().map(BookableService::id).toList();
        therapists.all().forEach(t -> admin.schedule(t.id(), hours, breaks, services));
    }
}
