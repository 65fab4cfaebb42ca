package clinic.relief.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Pauses sign-in for an account name after {@code relief.login.max-failures} failed attempts within the lock-out
 * period, for the lock-out period. Kept in the database so that every app instance sees the same count. Names that
 * match no account are counted too, so a pause says nothing about whether an account exists.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${relief.login.max-failures}") int maxFailures,
            @Value("${relief.login.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Whether sign-in for this name (staff or patient e-mail) is paused after too many failures. */
    public boolean isPaused(String username) {
        return jdbc.sql("select locked_until > :now from login_throttle where username_key = :key")
                .param("now", now())
                .param("key", key(username))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        jdbc.sql("delete from login_throttle where username_key = :key")
                .param("key", key(event.getAuthentication().getName()))
                .update();
    }

    void recordFailure(String username) {
        OffsetDateTime now = now();
        // A failure older than the lock-out period starts a new count; the count that reaches the limit sets the lock.
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
                .param("key", key(username))
                .param("now", now)
                .param("windowStart", now.minus(lockout))
                .param("lockedUntil", now.plus(lockout))
                .param("max", maxFailures)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 254 ? name.substring(0, 254) : name;
    }
}
