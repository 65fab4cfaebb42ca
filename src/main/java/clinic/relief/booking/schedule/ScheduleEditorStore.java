package clinic.relief.booking.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import clinic.relief.booking.store.BookingLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** The reads of {@link ScheduleEditor}, and the lock it takes on a room before taking it out of use. */
@Component
class ScheduleEditorStore {

    private final JdbcClient jdbc;

    ScheduleEditorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> services(UUID therapist) {
        return jdbc.sql("select service_id from booking_therapist_service where therapist_id = :t")
                .param("t", therapist)
                .query(String.class)
                .list();
    }

    /** Time off that ends after {@code now}, by start. */
    List<ScheduleEditor.TimeOff> timeOffEndingAfter(UUID therapist, Instant now) {
        return jdbc.sql("""
                select id, lower(period) as starts, upper(period) as ends from booking_time_off
                where therapist_id = :t and upper(period) > :now order by lower(period)""")
                .param("t", therapist)
                .param("now", utc(now))
                .query((rs, row) -> new ScheduleEditor.TimeOff(
                        rs.getObject("id", UUID.class),
                        rs.getObject("starts", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Every room, those in use first, then by name, with how many appointments hold it after {@code now}. */
    List<ScheduleEditor.Room> rooms(Instant now) {
        return jdbc.sql("""
                select r.id, r.name, r.active, (select count(*) from booking_appointment a where a.room_id = r.id
                    and a.status in ('PENDING', 'REQUESTED', 'BOOKED', 'CHECKED_IN') and a.blocked_until > :now) as upcoming
                from booking_room r order by r.active desc, r.name""")
                .param("now", utc(now))
                .query((rs, row) -> new ScheduleEditor.Room(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getBoolean("active"),
                        rs.getInt("upcoming")))
                .list();
    }

    /** Whether a room has this name, in any case. */
    boolean roomNamed(String name) {
        return jdbc.sql("select exists (select 1 from booking_room where lower(name) = lower(:n))")
                .param("n", name)
                .query(Boolean.class)
                .single();
    }

    /** Locks the room's row until the transaction ends (bookings share-lock it, see {@link BookingLocks}). */
    void lockRoom(UUID room) {
        jdbc.sql("select id from booking_room where id = :id for update")
                .param("id", room)
                .query(UUID.class)
                .list();
    }

    /** How many appointments (booked, checked in, or online holds waiting for their e-mail) hold the room after now. */
    int upcomingInRoom(UUID room, Instant now) {
        return jdbc.sql("""
                select count(*) from booking_appointment where room_id = :id
                and status in ('PENDING', 'REQUESTED', 'BOOKED', 'CHECKED_IN') and blocked_until > :now""")
                .param("id", room)
                .param("now", utc(now))
                .query(Integer.class)
                .single();
    }

    List<WeeklyTime> hours(UUID therapist) {
        return jdbc.sql("select day_of_week, starts, ends from booking_therapist_hours where therapist_id = :t")
                .param("t", therapist)
                .query(ScheduleEditorStore::weekly)
                .list();
    }

    List<WeeklyTime> breaks(UUID therapist) {
        return jdbc.sql("select day_of_week, starts, ends from booking_therapist_break where therapist_id = :t")
                .param("t", therapist)
                .query(ScheduleEditorStore::weekly)
                .list();
    }

    private static WeeklyTime weekly(ResultSet rs, int row) throws SQLException {
        return new WeeklyTime(
                DayOfWeek.of(rs.getInt("day_of_week")),
                rs.getObject("starts", LocalTime.class),
                rs.getObject("ends", LocalTime.class));
    }
}
