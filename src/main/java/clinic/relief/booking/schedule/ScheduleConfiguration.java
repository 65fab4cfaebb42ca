package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.booking.Therapist;
import clinic.relief.booking.TimeRange;
import org.springframework.stereotype.Component;

/**
 * The part of the schedule that changes a few times a month: who gives which service (listed therapists only, by
 * name), weekly hours and breaks, time off, and the rooms in use (by name). Kept in memory and checked against
 * {@code booking_schedule_version}, which a trigger moves on with every change to those tables, so a booking's check
 * costs one more column in a query it makes anyway, instead of five queries. The version is read before the tables,
 * so a change committed meanwhile is picked up by the next check. Thread-safe.
 */
// Speed: see docs/benchmarks.md "Booking throughput through the staff API"
@Component
public class ScheduleConfiguration {

    private final ScheduleConfigurationStore store;
    private final Therapists therapists;
    private final Clock clock;
    private volatile Snapshot current = new Snapshot(-1, Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    ScheduleConfiguration(ScheduleConfigurationStore store, Therapists therapists, Clock clock) {
        this.store = store;
        this.therapists = therapists;
        this.clock = clock;
    }

    /**
     * One version of the configuration. Time off holds what had not ended a day before it was read: older time off
     * no longer matters to a booking.
     */
    public record Snapshot(
            long version,
            Map<String, List<UUID>> givers,
            Map<UUID, List<WeeklyTime>> hours,
            Map<UUID, List<WeeklyTime>> breaks,
            Map<UUID, List<TimeRange>> timeOff,
            List<UUID> rooms) {

        /** The listed therapists who give the service, by name. */
        public List<UUID> giving(String serviceId) {
            return givers.getOrDefault(serviceId, List.of());
        }
    }

    /**
     * The configuration of this version (read from {@code booking_schedule_version}, in the same query as the spans
     * appointments block: {@link Schedules#blocked}): the one in memory if it is that version, else read afresh.
     */
    public Snapshot at(long version) {
        Snapshot known = current;
        if (known.version() == version) {
            return known;
        }
        Snapshot loaded = load(version);
        current = loaded;
        return loaded;
    }

    private Snapshot load(long version) {
        Map<String, List<UUID>> givers = new HashMap<>();
        List<UUID> listed = therapists.all().stream().map(Therapist::id).toList();
        Map<UUID, List<String>> services = store.servicesByTherapist();
        for (UUID therapist : listed) {
            for (String service : services.getOrDefault(therapist, List.of())) {
                givers.computeIfAbsent(service, s -> new ArrayList<>()).add(therapist);
            }
        }
        ScheduleConfigurationStore.WeeklyTimes weekly = store.weeklyTimes();
        Map<UUID, List<WeeklyTime>> hours = weekly.hours();
        Map<UUID, List<WeeklyTime>> breaks = weekly.breaks();
        Map<UUID, List<TimeRange>> timeOff =
                store.timeOffEndingAfter(clock.instant().minus(1, ChronoUnit.DAYS));
        List<UUID> rooms = store.roomsInUse();
        return new Snapshot(version, givers, hours, breaks, timeOff, rooms);
    }
}
