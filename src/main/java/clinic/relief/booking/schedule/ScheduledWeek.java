package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import clinic.relief.booking.Therapist;
import clinic.relief.clinic.StaffedWeek;
import org.springframework.stereotype.Component;

/**
 * The days and hours the listed therapists' weekly schedules cover, for the public site's opening hours: read from the
 * same configuration availability uses, so the hours the site advertises are hours that can be booked.
 */
@Component
class ScheduledWeek implements StaffedWeek {

    private final ScheduleConfiguration configuration;
    private final Schedules schedules;
    private final Therapists therapists;

    ScheduledWeek(ScheduleConfiguration configuration, Schedules schedules, Therapists therapists) {
        this.configuration = configuration;
        this.schedules = schedules;
        this.therapists = therapists;
    }

    @Override
    public Map<DayOfWeek, Span> spans() {
        ScheduleConfiguration.Snapshot now =
                configuration.at(schedules.nothingBlocked().version());
        Map<DayOfWeek, Span> spans = new EnumMap<>(DayOfWeek.class);
        for (Therapist therapist : therapists.all()) {
            List<WeeklyTime> hours = now.hours().getOrDefault(therapist.id(), List.of());
            for (WeeklyTime time : hours) {
                spans.merge(time.day(), new Span(time.start(), time.end()), ScheduledWeek::widest);
            }
        }
        return spans;
    }

    private static Span widest(Span a, Span b) {
        LocalTime start = a.start().isBefore(b.start()) ? a.start() : b.start();
        LocalTime end = a.end().isAfter(b.end()) ? a.end() : b.end();
        return new Span(start, end);
    }
}
