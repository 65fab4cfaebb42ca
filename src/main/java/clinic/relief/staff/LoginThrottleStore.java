package clinic.relief.staff;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code login_throttle}: sign-in attempts per account name ({@link LoginThrottle} holds the rules). */
@Repository
class LoginThrottleStore {

    private final JdbcClient jdbc;

    LoginThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void clear(String key) {
        jdbc.sql("delete from login_throttle where username_key = :key")
                .param("key", key)
                .update();
    }

    /**
     * Counts an attempt at {@code now} unless the name is locked, in one statement (the row lock of the upsert
     * orders parallel attempts): an attempt after {@code windowStart} adds to the count, an older count starts
     * again at one; the attempt that reaches {@code max} locks the name until {@code lockedUntil}.
     *
     * @return whether the attempt was counted, that is, the name was not locked
     */
    boolean claim(String key, Instant now, Instant windowStart, Instant lockedUntil, int max) {
        OffsetDateTime at = utc(now);
        return jdbc.sql("""
                        insert into login_throttle as t (username_key, failures, first_failed_at, locked_until)
                        values (:key, 1, :now, case when 1 >= :max then :lockedUntil end)
                        on conflict (username_key) do update set
                            failures = case when t.first_failed_at < :windowStart then 1 else t.failures + 1 end,
                            first_failed_at = case
                                when t.first_failed_at < :windowStart then :now else t.first_failed_at end,
                            locked_until = case
                                when t.first_failed_at >= :windowStart and t.failures + 1 >= :max then :lockedUntil
                                when t.first_failed_at < :windowStart and 1 >= :max then :lockedUntil
                                else t.locked_until end
                        where t.locked_until is null or t.locked_until <= :now
                        returning failures
                        """)
                .param("key", key)
                .param("now", at)
                .param("windowStart", utc(windowStart))
                .param("lockedUntil", utc(lockedUntil))
                .param("max", max)
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
