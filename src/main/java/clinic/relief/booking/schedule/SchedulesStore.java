package clinic.relief.booking.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * The reads behind {@link Schedules}: the spans appointments block, the schedule version, room names. Public only for
 * {@link #BLOCKED}, whose query plan a test checks.
 */
@Component
public class SchedulesStore {

    /** No appointment has this id: {@link #BLOCKED} ignores it when there is none to ignore, as one fixed statement. */
    private static final UUID NO_APPOINTMENT = new UUID(0, 0);

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

    private final JdbcClient jdbc;

    SchedulesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What appointments (all but {@code ignoring}) block inside {@code span}, and the schedule version:
     * {@link #BLOCKED}.
     */
    Schedules.Blocked blocked(TimeRange span, Optional<UUID> ignoring) {
        BlockedRows rows = new BlockedRows();
        jdbc.sql(BLOCKED)
                .param("ignoring", ignoring.orElse(NO_APPOINTMENT))
                .param("from", utc(span.start()))
                .param("to", utc(span.end()))
                .query(rows::add);
        return rows.blocked();
    }

    /** The current schedule version. */
    long version() {
        return jdbc.sql("select version from booking_schedule_version")
                .query(Long.class)
                .single();
    }

    /** Every room's name (in use or not), by name. */
    Map<UUID, String> roomNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from booking_room order by name")
                .query((rs, row) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        return names;
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

        Schedules.Blocked blocked() {
            if (version < 0) {
                // The table's one row is written by its migration and only ever updated.
                throw new IllegalStateException("booking_schedule_version has no row");
            }
            return new Schedules.Blocked(version, therapists, rooms);
        }
    }
}
