package clinic.relief.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the spans appointments block from the database; the rest of a schedule comes from
 * {@link ScheduleConfiguration}.
 */
@Component
class Schedules {

    private final JdbcClient jdbc;

    Schedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Schedules of these therapists: weekly times and time off from {@code configuration}, and the spans that
     * appointments (all but {@code ignoring}) block inside {@code appointmentsIn}, or none when that is null. One
     * query however many therapists.
     */
    List<TherapistSchedule> of(ScheduleConfiguration.Snapshot configuration, Collection<UUID> therapists,
            TimeRange appointmentsIn, UUID ignoring) {
        Map<UUID, List<TimeRange>> blocked = appointmentsIn == null ? Map.of()
                : blocked("therapist_id", therapists.toArray(UUID[]::new), appointmentsIn, ignoring);
        List<TherapistSchedule> schedules = new ArrayList<>();
        for (UUID therapist : therapists) {
            schedules.add(new TherapistSchedule(therapist, configuration.hours().getOrDefault(therapist, List.of()),
                    configuration.breaks().getOrDefault(therapist, List.of()),
                    configuration.timeOff().getOrDefault(therapist, List.of()),
                    blocked.getOrDefault(therapist, List.of())));
        }
        return schedules;
    }

    /**
     * The rooms in use by name, each with the spans appointments (all but {@code ignoring}) block inside
     * {@code appointmentsIn}.
     */
    Map<UUID, List<TimeRange>> rooms(ScheduleConfiguration.Snapshot configuration, TimeRange appointmentsIn,
            UUID ignoring) {
        Map<UUID, List<TimeRange>> rooms = new LinkedHashMap<>();
        for (UUID room : configuration.rooms()) {
            rooms.put(room, new ArrayList<>());
        }
        if (appointmentsIn != null && !rooms.isEmpty()) {
            blocked("room_id", rooms.keySet().toArray(UUID[]::new), appointmentsIn, ignoring)
                    .forEach((room, spans) -> rooms.get(room).addAll(spans));
        }
        return rooms;
    }

    Map<UUID, String> roomNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from booking_room order by name")
                .query((rs, row) -> names.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        return names;
    }

    private Map<UUID, List<TimeRange>> blocked(String column, UUID[] ids, TimeRange span, UUID ignoring) {
        return ranges(jdbc.sql(blockedQuery(column))
                .param("ids", ids).param("ignoring", ignoring == null ? new UUID(0, 0) : ignoring)
                .param("from", utc(span.start())).param("to", utc(span.end())));
    }

    /**
     * The spans appointments block for the therapists or rooms {@code :ids} inside {@code [:from, :to)}. The range is
     * written exactly as in the exclusion constraints, so their GiST indexes answer it; any other spelling (the
     * two-argument {@code tstzrange}, say) reads the whole table, which grows with every booking.
     */
    static String blockedQuery(String column) {
        return "select " + column + " as id, starts_at as starts, blocked_until as ends from booking_appointment"
                + " where " + column + " = any(:ids) and status <> 'CANCELLED' and id <> :ignoring"
                + " and tstzrange(starts_at, blocked_until, '[)') && tstzrange(:from, :to, '[)') order by starts_at";
    }

    /** Rows of (id, starts, ends) grouped by id. */
    static Map<UUID, List<TimeRange>> ranges(JdbcClient.StatementSpec query) {
        Map<UUID, List<TimeRange>> ranges = new HashMap<>();
        query.query(rs -> {
            ranges.computeIfAbsent(rs.getObject("id", UUID.class), id -> new ArrayList<>())
                    .add(new TimeRange(rs.getObject("starts", OffsetDateTime.class).toInstant(),
                            rs.getObject("ends", OffsetDateTime.class).toInstant()));
        });
        return ranges;
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
