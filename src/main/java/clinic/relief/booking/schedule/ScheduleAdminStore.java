package clinic.relief.booking.schedule;

import java.util.Collection;
import java.util.UUID;

import clinic.relief.booking.TimeRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** The writes of {@link ScheduleAdmin}: rooms, weekly hours and breaks, services given, time off. */
@Component
class ScheduleAdminStore {

    private final JdbcClient jdbc;

    ScheduleAdminStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the room unless one has the name already. */
    void insertRoomIfNew(String name) {
        jdbc.sql("insert into booking_room (id, name) values (:id, :name) on conflict (name) do nothing")
                .param("id", UUID.randomUUID())
                .param("name", name)
                .update();
    }

    UUID roomNamed(String name) {
        return jdbc.sql("select id from booking_room where name = :name")
                .param("name", name)
                .query(UUID.class)
                .single();
    }

    /** Puts these rooms in use and every other out of use. */
    void activateOnly(Collection<UUID> rooms) {
        jdbc.sql("update booking_room set active = (id in (:ids))")
                .param("ids", rooms)
                .update();
    }

    void deleteHours(UUID therapist) {
        jdbc.sql("delete from booking_therapist_hours where therapist_id = :t")
                .param("t", therapist)
                .update();
    }

    void deleteBreaks(UUID therapist) {
        jdbc.sql("delete from booking_therapist_break where therapist_id = :t")
                .param("t", therapist)
                .update();
    }

    void deleteServices(UUID therapist) {
        jdbc.sql("delete from booking_therapist_service where therapist_id = :t")
                .param("t", therapist)
                .update();
    }

    void insertHours(UUID therapist, WeeklyTime time) {
        jdbc.sql("""
                insert into booking_therapist_hours (therapist_id, day_of_week, starts, ends)
                values (:t, :d, :s, :e)""")
                .param("t", therapist)
                .param("d", time.day().getValue())
                .param("s", time.start())
                .param("e", time.end())
                .update();
    }

    void insertBreak(UUID therapist, WeeklyTime time) {
        jdbc.sql("""
                insert into booking_therapist_break (therapist_id, day_of_week, starts, ends)
                values (:t, :d, :s, :e)""")
                .param("t", therapist)
                .param("d", time.day().getValue())
                .param("s", time.start())
                .param("e", time.end())
                .update();
    }

    void insertService(UUID therapist, String service) {
        jdbc.sql("insert into booking_therapist_service values (:t, :s)")
                .param("t", therapist)
                .param("s", service)
                .update();
    }

    void insertTimeOff(UUID therapist, TimeRange period) {
        jdbc.sql("insert into booking_time_off (id, therapist_id, period) values (:id, :t, tstzrange(:from, :to))")
                .param("id", UUID.randomUUID())
                .param("t", therapist)
                .param("from", utc(period.start()))
                .param("to", utc(period.end()))
                .update();
    }

    /** Renames the room; the number of rows changed (0 or 1). Throws DuplicateKeyException when the name is taken. */
    int renameRoom(UUID room, String name) {
        return jdbc.sql("update booking_room set name = :name where id = :id")
                .param("id", room)
                .param("name", name)
                .update();
    }

    void setRoomActive(UUID room, boolean active) {
        jdbc.sql("update booking_room set active = :active where id = :id")
                .param("id", room)
                .param("active", active)
                .update();
    }

    void deleteTimeOff(UUID therapist, UUID id) {
        jdbc.sql("delete from booking_time_off where id = :id and therapist_id = :t")
                .param("id", id)
                .param("t", therapist)
                .update();
    }
}
