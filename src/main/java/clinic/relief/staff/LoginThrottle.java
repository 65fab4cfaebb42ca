package clinic.relief.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
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

    private final LoginThrottleStore store;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(
            LoginThrottleStore store,
            Clock clock,
            @Value("${relief.login.max-failures}") int maxFailures,
            @Value("${relief.login.lockout}") Duration lockout) {
        this.store = store;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Whether sign-in for this name (staff or patient e-mail) is paused after too many failures. */
    public boolean isPaused(String username) {
        return store.lockedAt(key(username), clock.instant()).orElse(false);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        store.clear(key(event.getAuthentication().getName()));
    }

    void recordFailure(String username) {
        Instant now = Instant.now(clock);
        // A failure older than the lock-out period starts a new count; the count that reaches the limit sets the lock.
        store.recordFailure(key(username), now, now.minus(lockout), now.plus(lockout), maxFailures);
    }

    private static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 254 ? name.substring(0, 254) : name;
    }
}
