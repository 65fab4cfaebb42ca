package clinic.relief.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
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

    /** Schedules of these therapists, with the spans appointments block inside {@code span} (all but {@code ignoring}), or none. */
    List<TherapistSchedule> of(Collection<UUID> therapists, TimeRange span, UUID ignoring, boolean withAppointments) {
        List<TherapistSchedule> schedules = new ArrayList<>();
        for (UUID therapist : therapists) {
            schedules.add(new TherapistSchedule(therapist, weekly("booking_therapist_hours", therapist),
                    weekly("booking_therapist_break", therapist), timeOff(therapist, span),
                    withAppointments ? blocked("therapist_id", therapist, span, ignoring) : List.of()));
        }
        return schedules;
    }

    /** Active rooms by name, each with its blocked spans. */
    Map<UUID, List<TimeRange>> rooms(TimeRange span, UUID ignoring, boolean withAppointments) {
        Map<UUID, List<TimeRange>> rooms = new LinkedHashMap<>();
        for (UUID room : jdbc.sql("select id from booking_room where active order by name").query(UUID.class).list()) {
            rooms.put(room, withAppointments ? blocked("room_id", room, span, ignoring) : List.of());
        }
        return rooms;
    }

    Map<UUID, String> roomNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from booking_room order by name")
                .query((rs, row) -> names.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        return names;
    }

    private List<WeeklyTime> weekly(String table, UUID therapist) {
        return jdbc.sql("select day_of_week, starts, ends from " + table + " where therapist_id = :t")
                .param("t", therapist)
                .query((rs, row) -> new WeeklyTime(DayOfWeek.of(rs.getInt("day_of_week")),
                        rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class)))
                .list();
    }

    private List<TimeRange> timeOff(UUID therapist, TimeRange span) {
        return jdbc.sql("""
                select lower(period) as starts, upper(period) as ends from booking_time_off
                where therapist_id = :t and period && tstzrange(:from, :to)
                """)
                .param("t", therapist).param("from", utc(span.start())).param("to", utc(span.end()))
                .query((rs, row) -> new TimeRange(rs.getObject("starts", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends", OffsetDateTime.class).toInstant()))
                .list();
    }

    private List<TimeRange> blocked(String column, UUID id, TimeRange span, UUID ignoring) {
        return jdbc.sql("select starts_at, blocked_until from booking_appointment where " + column + " = :id"
                        + " and status <> 'CANCELLED' and id <> :ignoring"
                        + " and tstzrange(starts_at, blocked_until) && tstzrange(:from, :to)")
                .param("id", id).param("ignoring", ignoring == null ? new UUID(0, 0) : ignoring)
                .param("from", utc(span.start())).param("to", utc(span.end()))
                .query((rs, row) -> new TimeRange(rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("blocked_until", OffsetDateTime.class).toInstant()))
                .list();
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
