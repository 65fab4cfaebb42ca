package clinic.relief.booking.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.relief.booking.BookableService;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.store.BookingLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.shared.Timestamps.utc;

/**
 * What the owner's schedule editors read and change: a therapist's week, services and time off, and the rooms. Each
 * change is one transaction; a room that holds future appointments is never taken out of use.
 */
@Component
class ScheduleEditor {

    private final JdbcClient jdbc;
    private final ScheduleAdmin admin;
    private final Catalogue catalogue;
    private final Clock clock;

    ScheduleEditor(JdbcClient jdbc, ScheduleAdmin admin, Catalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.admin = admin;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A stretch of time off, as whole clinic days. */
    record TimeOff(UUID id, Instant start, Instant end) {}

    /** A room with whether it is in use and how many future appointments it holds. */
    record Room(UUID id, String name, boolean active, int upcoming) {}

    ScheduleForm form(UUID therapist) {
        List<String> services = jdbc.sql("select service_id from booking_therapist_service where therapist_id = :t")
                .param("t", therapist)
                .query(String.class)
                .list();
        return ScheduleForm.of(hours(therapist), breaks(therapist), services);
    }

    Set<String> offered() {
        return catalogue.all().stream().map(BookableService::id).collect(Collectors.toSet());
    }

    void save(UUID therapist, ScheduleForm form) {
        admin.schedule(therapist, form.hours(), form.breaks(), form.services());
    }

    /** Time off that has not ended yet, by start. */
    List<TimeOff> timeOff(UUID therapist) {
        return jdbc.sql("""
                select id, lower(period) as starts, upper(period) as ends from booking_time_off
                where therapist_id = :t and upper(period) > :now order by lower(period)""")
                .param("t", therapist)
                .param("now", utc(clock.instant()))
                .query((rs, row) -> new TimeOff(
                        rs.getObject("id", UUID.class),
                        rs.getObject("starts", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends", OffsetDateTime.class).toInstant()))
                .list();
    }

    void addTimeOff(UUID therapist, LocalDate from, LocalDate to, ZoneId zone) {
        admin.timeOff(
                therapist,
                new TimeRange(
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    void removeTimeOff(UUID therapist, UUID id) {
        admin.removeTimeOff(therapist, id);
    }

    List<Room> rooms() {
        return jdbc.sql("""
                select r.id, r.name, r.active, (select count(*) from booking_appointment a where a.room_id = r.id
                    and a.status in ('PENDING', 'REQUESTED', 'BOOKED', 'CHECKED_IN') and a.blocked_until > :now) as upcoming
                from booking_room r order by r.active desc, r.name""")
                .param("now", utc(clock.instant()))
                .query((rs, row) -> new Room(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getBoolean("active"),
                        rs.getInt("upcoming")))
                .list();
    }

    /** Adds a room; false when one already has the name. */
    @Transactional
    boolean addRoom(String name) {
        boolean exists = jdbc.sql("select exists (select 1 from booking_room where lower(name) = lower(:n))")
                .param("n", name)
                .query(Boolean.class)
                .single();
        if (!exists) {
            admin.room(name);
        }
        return !exists;
    }

    boolean rename(UUID room, String name) {
        return admin.rename(room, name);
    }

    /**
     * Takes the room out of use, unless appointments (booked, checked in, or online holds waiting for their e-mail)
     * still hold it from now on: then returns their count and changes nothing. The room row is locked first, so no
     * booking can slip in between the check and the change (bookings share-lock it, see {@link BookingLocks}).
     */
    @Transactional
    int deactivate(UUID room) {
        jdbc.sql("select id from booking_room where id = :id for update")
                .param("id", room)
                .query(UUID.class)
                .list();
        int upcoming = jdbc.sql("""
                select count(*) from booking_appointment where room_id = :id
                and status in ('PENDING', 'REQUESTED', 'BOOKED', 'CHECKED_IN') and blocked_until > :now""")
                .param("id", room)
                .param("now", utc(clock.instant()))
                .query(Integer.class)
                .single();
        if (upcoming == 0) {
            admin.activate(room, false);
        }
        return upcoming;
    }

    void activate(UUID room) {
        admin.activate(room, true);
    }

    private List<WeeklyTime> hours(UUID therapist) {
        return jdbc.sql("select day_of_week, starts, ends from booking_therapist_hours where therapist_id = :t")
                .param("t", therapist)
                .query(ScheduleEditor::weekly)
                .list();
    }

    private List<WeeklyTime> breaks(UUID therapist) {
        return jdbc.sql("select day_of_week, starts, ends from booking_therapist_break where therapist_id = :t")
                .param("t", therapist)
                .query(ScheduleEditor::weekly)
                .list();
    }

    private static WeeklyTime weekly(ResultSet rs, int row) throws SQLException {
        return new WeeklyTime(
                DayOfWeek.of(rs.getInt("day_of_week")),
                rs.getObject("starts", LocalTime.class),
                rs.getObject("ends", LocalTime.class));
    }
}
