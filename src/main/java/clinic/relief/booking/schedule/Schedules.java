package clinic.relief.booking.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.TimeRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Reads the spans appointments block from the database; the rest of a schedule comes from
 * {@link ScheduleConfiguration}.
 */
@Component
public class Schedules {

    /** No appointment has this id: {@link #BLOCKED} ignores it when there is none to ignore, as one fixed statement. */
    private static final UUID NO_APPOINTMENT = new UUID(0, 0);

    private final JdbcClient jdbc;

    Schedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        BlockedRows rows = new BlockedRows();
        jdbc.sql(BLOCKED)
                .param("ignoring", ignoring.orElse(NO_APPOINTMENT))
                .param("from", utc(span.start()))
                .param("to", utc(span.end()))
                .query(rows::add);
        return rows.blocked();
    }

    /** Nothing blocked, with the current schedule version: for what the rules and hours alone allow. */
    public Blocked nothingBlocked() {
        return new Blocked(
                jdbc.sql("select version from booking_schedule_version")
                        .query(Long.class)
                        .single(),
                Map.of(),
                Map.of());
    }

    /** Collects the rows of {@link #BLOCKED}. */
    private static final class BlockedRows {

        private long version = -1;
        private final Map<UUID, List<TimeRange>> therapists = new HashMap<>();
        private final Map<UUID, List<TimeRange>> rooms = new HashMap<>();

        void add(ResultSet row) throws SQLException {
            version = row.getLong("version");
            OffsetDateTime starts = row.getObject("starts", OffsetDateTime.class);
            if (starts == null) {
                return;
            }
            TimeRange span = new TimeRange(
                    starts.toInstant(),
                    row.getObject("ends", OffsetDateTime.class).toInstant());
            therapists
                    .computeIfAbsent(row.getObject("therapist_id", UUID.class), id -> new ArrayList<>())
                    .add(span);
            UUID second = row.getObject("second_therapist_id", UUID.class);
            if (second != null) {
                therapists.computeIfAbsent(second, id -> new ArrayList<>()).add(span);
            }
            UUID room = row.getObject("room_id", UUID.class);
            if (room != null) {
                rooms.computeIfAbsent(room, id -> new ArrayList<>()).add(span);
            }
        }

        public Blocked blocked() {
            if (version < 0) {
                // The table's one row is written by its migration and only ever updated.
                throw new IllegalStateException("booking_schedule_version has no row");
            }
            return new Blocked(version, therapists, rooms);
        }
    }

    /**
     * Every appointment blocking time inside {@code [:from, :to)}, ordered by start, joined to the schedule version
     * (one row with null spans when none does). The range is written exactly as in the exclusion constraints, so their
     * GiST indexes answer it; any other spelling (the two-argument {@code tstzrange}, say) reads the whole table,
     * which grows with every booking.
     */
    public static final String BLOCKED = """
            select v.version, a.therapist_id, a.second_therapist_id, a.room_id, a.starts_at as starts,
                a.blocked_until as ends
            from booking_schedule_version v
            left join booking_appointment a on a.status <> 'CANCELLED' and a.id <> :ignoring
                and tstzrange(a.starts_at, a.blocked_until, '[)') && tstzrange(:from, :to, '[)')
            order by a.starts_at""";

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
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from booking_room order by name")
                .query((rs, row) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        return names;
    }

    /** Rows of (id, starts, ends) grouped by id. */
    static Map<UUID, List<TimeRange>> ranges(JdbcClient.StatementSpec query) {
        Map<UUID, List<TimeRange>> ranges = new HashMap<>();
        query.query(rs -> {
            ranges.computeIfAbsent(rs.getObject("id", UUID.class), id -> new ArrayList<>())
                    .add(new TimeRange(
                            rs.getObject("starts", OffsetDateTime.class).toInstant(),
                            rs.getObject("ends", OffsetDateTime.class).toInstant()));
        });
        return ranges;
    }
}
