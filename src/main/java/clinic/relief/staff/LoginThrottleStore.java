package clinic.relief.staff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code login_throttle}: failed sign-ins per account name ({@link LoginThrottle} holds the rules). */
@Repository
class LoginThrottleStore {

    private final JdbcClient jdbc;

    LoginThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the name is locked at {@code now}; empty when it has no failures on record. */
    Optional<Boolean> lockedAt(String key, Instant now) {
        return jdbc.sql("select locked_until > :now from login_throttle where username_key = :key")
                .param("now", utc(now))
                .param("key", key)
                .query(Boolean.class)
                .optional();
    }

    void clear(String key) {
        jdbc.sql("delete from login_throttle where username_key = :key")
                .param("key", key)
                .update();
    }

    /**
     * Counts a failure at {@code now}: a failure before {@code windowStart} starts a new count; the count that
     * reaches {@code max} locks the name until {@code lockedUntil}.
     */
    void recordFailure(String key, Instant now, Instant windowStart, Instant lockedUntil, int max) {
        OffsetDateTime at = utc(now);
        jdbc.sql("""
                insert into login_throttle as t (username_key, failures, first_failed_at)
                values (:key, 1, :now)
                on conflict (username_key) do update set
                    failures = case when t.first_failed_at < :windowStart then 1 else t.failures + 1 end,
                    first_failed_at = case when t.first_failed_at < :windowStart then :now else t.first_failed_at end,
                    locked_until = case
                        when t.first_failed_at >= :windowStart and t.failures + 1 >= :max then :lockedUntil
                        else t.locked_until end
                """)
                .param("key", key)
                .param("now", at)
                .param("windowStart", utc(windowStart))
                .param("lockedUntil", utc(lockedUntil))
                .param("max", max)
                .update();
    }
}
