package clinic.relief.booking.schedule;

import java.util.Collection;
import java.util.UUID;

import clinic.relief.booking.TimeRange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.shared.Timestamps.utc;

/** Writes rooms and therapists' schedules: the owner's editors ({@link ScheduleEditor}), demo data and tests. */
@Component
public class ScheduleAdmin {

    private static final String INSERT_HOURS = """
            insert into booking_therapist_hours (therapist_id, day_of_week, starts, ends)
            values (:t, :d, :s, :e)""";
    private static final String INSERT_BREAK = """
            insert into booking_therapist_break (therapist_id, day_of_week, starts, ends)
            values (:t, :d, :s, :e)""";

    private final JdbcClient jdbc;

    ScheduleAdmin(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The room with this name, created if new. */
    @Transactional
    public UUID room(String name) {
        jdbc.sql("insert into booking_room (id, name) values (:id, :name) on conflict (name) do nothing")
                .param("id", UUID.randomUUID())
                .param("name", name)
                .update();
        return jdbc.sql("select id from booking_room where name = :name")
                .param("name", name)
                .query(UUID.class)
                .single();
    }

    /** Takes every room but these out of use. */
    @Transactional
    public void deactivateAllBut(Collection<UUID> rooms) {
        jdbc.sql("update booking_room set active = (id in (:ids))")
                .param("ids", rooms)
                .update();
    }

    /** Replaces the therapist's weekly hours, breaks and services. */
    @Transactional
    public void schedule(
            UUID therapist, Collection<WeeklyTime> hours, Collection<WeeklyTime> breaks, Collection<String> services) {
        jdbc.sql("delete from booking_therapist_hours where therapist_id = :t")
                .param("t", therapist)
                .update();
        jdbc.sql("delete from booking_therapist_break where therapist_id = :t")
                .param("t", therapist)
                .update();
        jdbc.sql("delete from booking_therapist_service where therapist_id = :t")
                .param("t", therapist)
                .update();
        hours.forEach(h -> weekly(INSERT_HOURS, therapist, h));
        breaks.forEach(b -> weekly(INSERT_BREAK, therapist, b));
        services.forEach(s -> jdbc.sql("insert into booking_therapist_service values (:t, :s)")
                .param("t", therapist)
                .param("s", s)
                .update());
    }

    @Transactional
    void timeOff(UUID therapist, TimeRange period) {
        jdbc.sql("insert into booking_time_off (id, therapist_id, period) values (:id, :t, tstzrange(:from, :to))")
                .param("id", UUID.randomUUID())
                .param("t", therapist)
                .param("from", utc(period.start()))
                .param("to", utc(period.end()))
                .update();
    }

    /** Renames a room; false when another room already has the name. */
    @Transactional
    boolean rename(UUID room, String name) {
        try {
            return jdbc.sql("update booking_room set name = :name where id = :id")
                            .param("id", room)
                            .param("name", name)
                            .update()
                    == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Transactional
    void activate(UUID room, boolean active) {
        jdbc.sql("update booking_room set active = :active where id = :id")
                .param("id", room)
                .param("active", active)
                .update();
    }

    @Transactional
    void removeTimeOff(UUID therapist, UUID id) {
        jdbc.sql("delete from booking_time_off where id = :id and therapist_id = :t")
                .param("id", id)
                .param("t", therapist)
                .update();
    }

    private void weekly(String insert, UUID therapist, WeeklyTime time) {
        jdbc.sql(insert)
                .param("t", therapist)
                .param("d", time.day().getValue())
                .param("s", time.start())
                .param("e", time.end())
                .update();
    }
}
