package clinic.relief.booking.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.TimeRange;
import org.springframework.stereotype.Component;

/**
 * Reads the spans appointments block from the database; the rest of a schedule comes from
 * {@link ScheduleConfiguration}.
 */
@Component
public class Schedules {

    private final SchedulesStore store;

    Schedules(SchedulesStore store) {
        this.store = store;
    }

    /**
     * What appointments (all but {@code ignoring}) block inside a span, by therapist (a couples appointment blocks
     * both of its therapists) and by room, and the schedule version current when they were read.
     */
    public record Blocked(long version, Map<UUID, List<TimeRange>> therapists, Map<UUID, List<TimeRange>> rooms) {}

    /**
     * The spans that appointments (all but {@code ignoring}) block inside {@code span}, with the schedule version, in
     * one query: a booking's check costs a single round trip to learn both whether its cached configuration is
     * current and what holds its therapists and rooms.
     */
    // Speed: see docs/benchmarks.md "Booking throughput through the staff API"
    public Blocked blocked(TimeRange span, Optional<UUID> ignoring) {
        return store.blocked(span, ignoring);
    }

    /** Nothing blocked, with the current schedule version: for what the rules and hours alone allow. */
    public Blocked nothingBlocked() {
        return new Blocked(store.version(), Map.of(), Map.of());
    }

    /**
     * Schedules of these therapists: weekly times and time off from {@code configuration}, spans from
     * {@code blocked}.
     */
    public List<TherapistSchedule> of(
            ScheduleConfiguration.Snapshot configuration, Collection<UUID> therapists, Blocked blocked) {
        List<TherapistSchedule> schedules = new ArrayList<>();
        for (UUID therapist : therapists) {
            schedules.add(new TherapistSchedule(
                    therapist,
                    configuration.hours().getOrDefault(therapist, List.of()),
                    configuration.breaks().getOrDefault(therapist, List.of()),
                    configuration.timeOff().getOrDefault(therapist, List.of()),
                    blocked.therapists().getOrDefault(therapist, List.of())));
        }
        return schedules;
    }

    /** The rooms in use by name, each with the spans {@code blocked} holds for it. */
    public Map<UUID, List<TimeRange>> rooms(ScheduleConfiguration.Snapshot configuration, Blocked blocked) {
        Map<UUID, List<TimeRange>> rooms = new LinkedHashMap<>();
        for (UUID room : configuration.rooms()) {
            rooms.put(room, blocked.rooms().getOrDefault(room, List.of()));
        }
        return rooms;
    }

    public Map<UUID, String> roomNames() {
        return store.roomNames();
    }
}
