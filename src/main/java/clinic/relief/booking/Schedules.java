package clinic.relief.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
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

/** Reads what availability needs from the database: hours, breaks, time off, and spans blocked by appointments. */
@Component
class Schedules {

    private final JdbcClient jdbc;

    Schedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Schedules of these therapists: weekly times, time off inside {@code span}, and the spans that appointments (all
     * but {@code ignoring}) block inside {@code appointmentsIn}, or none when that is null. Three queries however many
     * therapists.
     */
    List<TherapistSchedule> of(Collection<UUID> therapists, TimeRange span, TimeRange appointmentsIn, UUID ignoring) {
        UUID[] ids = therapists.toArray(UUID[]::new);
        Map<UUID, List<WeeklyTime>> hours = new HashMap<>();
        Map<UUID, List<WeeklyTime>> breaks = new HashMap<>();
        jdbc.sql("""
                select therapist_id, true as working, day_of_week, starts, ends from booking_therapist_hours
                where therapist_id = any(:ids)
                union all
                select therapist_id, false, day_of_week, starts, ends from booking_therapist_break
                where therapist_id = any(:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    WeeklyTime time = new WeeklyTime(DayOfWeek.of(rs.getInt("day_of_week")),
                            rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class));
                    (rs.getBoolean("working") ? hours : breaks).computeIfAbsent(rs.getObject("therapist_id",
                            UUID.class), id -> new ArrayList<>()).add(time);
                });
        Map<UUID, List<TimeRange>> timeOff = ranges(jdbc.sql("""
                select therapist_id as id, lower(period) as starts, upper(period) as ends from booking_time_off
                where therapist_id = any(:ids) and period && tstzrange(:from, :to)""")
                .param("ids", ids).param("from", utc(span.start())).param("to", utc(span.end())));
        Map<UUID, List<TimeRange>> blocked = appointmentsIn == null ? Map.of()
                : blocked("therapist_id", ids, appointmentsIn, ignoring);
        List<TherapistSchedule> schedules = new ArrayList<>();
        for (UUID therapist : therapists) {
            schedules.add(new TherapistSchedule(therapist, hours.getOrDefault(therapist, List.of()),
                    breaks.getOrDefault(therapist, List.of()), timeOff.getOrDefault(therapist, List.of()),
                    blocked.getOrDefault(therapist, List.of())));
        }
        return schedules;
    }

    /** Active rooms by name, each with the spans appointments (all but {@code ignoring}) block inside {@code appointmentsIn}. */
    Map<UUID, List<TimeRange>> rooms(TimeRange appointmentsIn, UUID ignoring) {
        Map<UUID, List<TimeRange>> rooms = new LinkedHashMap<>();
        for (UUID room : jdbc.sql("select id from booking_room where active order by name").query(UUID.class).list()) {
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
    private static Map<UUID, List<TimeRange>> ranges(JdbcClient.StatementSpec query) {
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
