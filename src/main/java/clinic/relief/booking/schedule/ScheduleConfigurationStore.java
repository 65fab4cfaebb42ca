package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.booking.TimeRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** The reads behind {@link ScheduleConfiguration}: services given, weekly hours and breaks, time off, rooms. */
@Component
class ScheduleConfigurationStore {

    private final JdbcClient jdbc;

    ScheduleConfigurationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every therapist's weekly hours and breaks. */
    record WeeklyTimes(Map<UUID, List<WeeklyTime>> hours, Map<UUID, List<WeeklyTime>> breaks) {}

    /** The services each therapist gives, listed or not. */
    Map<UUID, List<String>> servicesByTherapist() {
        Map<UUID, List<String>> services = new HashMap<>();
        jdbc.sql("select therapist_id, service_id from booking_therapist_service")
                .query(rs -> {
                    services.computeIfAbsent(rs.getObject("therapist_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("service_id"));
                });
        return services;
    }

    WeeklyTimes weeklyTimes() {
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
        return new WeeklyTimes(hours, breaks);
    }

    /** Time off that ends after {@code since}, by therapist, each therapist's by start. */
    Map<UUID, List<TimeRange>> timeOffEndingAfter(Instant since) {
        Map<UUID, List<TimeRange>> ranges = new HashMap<>();
        jdbc.sql("""
                select therapist_id as id, lower(period) as starts, upper(period) as ends from booking_time_off
                where upper(period) > :since order by lower(period)""").param("since", utc(since)).query(rs -> {
            ranges.computeIfAbsent(rs.getObject("id", UUID.class), id -> new ArrayList<>())
                    .add(new TimeRange(
                            rs.getObject("starts", OffsetDateTime.class).toInstant(),
                            rs.getObject("ends", OffsetDateTime.class).toInstant()));
        });
        return ranges;
    }

    /** The rooms in use, by name. */
    List<UUID> roomsInUse() {
        return jdbc.sql("select id from booking_room where active order by name")
                .query(UUID.class)
                .list();
    }
}
