package clinic.relief.booking.calendar;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** Therapists' calendar feed tokens: only their SHA-256 is stored, one per therapist. */
@Component
class CalendarFeedStore {

    private final JdbcClient jdbc;

    CalendarFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the therapist's token hash, replacing the previous one. */
    void replace(UUID therapist, String tokenHash, Instant now) {
        jdbc.sql("""
                insert into booking_calendar_feed (therapist_id, token_hash, created_at) values (:t, :hash, :now)
                on conflict (therapist_id) do update set token_hash = excluded.token_hash,
                                                         created_at = excluded.created_at
                """)
                .param("t", therapist)
                .param("hash", tokenHash)
                .param("now", utc(now))
                .update();
    }

    boolean exists(UUID therapist) {
        return jdbc.sql("select count(*) > 0 from booking_calendar_feed where therapist_id = :t")
                .param("t", therapist)
                .query(Boolean.class)
                .single();
    }

    /** The therapist whose feed token has this hash, if any. */
    Optional<UUID> therapistOf(String tokenHash) {
        return jdbc.sql("select therapist_id from booking_calendar_feed where token_hash = :hash")
                .param("hash", tokenHash)
                .query(UUID.class)
                .optional();
    }
}
