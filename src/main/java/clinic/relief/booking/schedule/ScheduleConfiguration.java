package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.booking.Therapist;
import clinic.relief.booking.TimeRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

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

    private final JdbcClient jdbc;
    private final Therapists therapists;
    private final Clock clock;
    private volatile Snapshot current = new Snapshot(-1, Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    ScheduleConfiguration(JdbcClient jdbc, Therapists therapists, Clock clock) {
        this.jdbc = jdbc;
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
        Map<UUID, List<String>> services = new HashMap<>();
        jdbc.sql("select therapist_id, service_id from booking_therapist_service")
                .query(rs -> {
                    services.computeIfAbsent(rs.getObject("therapist_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("service_id"));
                });
        for (UUID therapist : listed) {
            for (String service : services.getOrDefault(therapist, List.of())) {
                givers.computeIfAbsent(service, s -> new ArrayList<>()).add(therapist);
            }
        }
        Map<UUID, List<WeeklyTime>> hours = new HashMap<>();
        Map<UUID, List<WeeklyTime>> breaks = new HashMap<>();
        jdbc.sql("""
                select therapist_id, true as working, day_of_week, starts, ends from booking_therapist_hours
                union all
                select therapist_id, false, day_of_week, starts, ends from booking_therapist_break""").query(rs -> {
            WeeklyTime time = new WeeklyTime(
                    DayOfWeek.of(rs.getInt("day_of_week")),
                    rs.getObject("starts", LocalTime.class),
                    rs.getObject("ends", LocalTime.class));
            (rs.getBoolean("working") ? hours : breaks)
                    .computeIfAbsent(rs.getObject("therapist_id", UUID.class), id -> new ArrayList<>())
                    .add(time);
        });
        Map<UUID, List<TimeRange>> timeOff = Schedules.ranges(jdbc.sql("""
                select therapist_id as id, lower(period) as starts, upper(period) as ends from booking_time_off
                where upper(period) > :since order by lower(period)""")
                .param("since", utc(clock.instant().minus(1, ChronoUnit.DAYS))));
        List<UUID> rooms = jdbc.sql("select id from booking_room where active order by name")
                .query(UUID.class)
                .list();
        return new Snapshot(version, givers, hours, breaks, timeOff, rooms);
    }
}
