package clinic.relief.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Pauses sign-in for an account name after {@code relief.login.max-failures} attempts within the lock-out period
 * that did not succeed, for the lock-out period. Kept in the database so that every app instance sees the same
 * count. Names that match no account are counted too, so a pause says nothing about whether an account exists.
 *
 * <p>Every attempt claims its place in the count <em>before</em> its password is checked ({@link #claimAttempt}),
 * in one atomic statement; a successful sign-in then clears the count. So of any number of parallel guesses for one
 * name, at most {@code max-failures} reach the password check; the rest are refused as paused.
 */
@Component
public class LoginThrottle {

    private final LoginThrottleStore store;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final String pausedHash;

    LoginThrottle(
            LoginThrottleStore store,
            Clock clock,
            @Value("${relief.login.max-failures}") int maxFailures,
            @Value("${relief.login.lockout}") Duration lockout,
            PasswordEncoder passwords) {
        this.store = store;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.pausedHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Counts a sign-in attempt for this name (staff or patient e-mail) as failed until it succeeds, and says whether
     * its password may be checked: {@code false} when sign-in for the name is paused, and then nothing is counted.
     * Call once per attempt, before checking the password.
     */
    public boolean claimAttempt(String username) {
        Instant now = Instant.now(clock);
        // A count older than the lock-out period starts again; the attempt that reaches the limit sets the lock.
        return store.claim(key(username), now, now.minus(lockout), now.plus(lockout), maxFailures);
    }

    /**
     * What a sign-in sees for a paused name: a locked account, the same whether an account with that name exists or
     * not. Its password is a hash of a random secret, so the attempt's guess is never compared with the account's
     * own hash, while the check Spring Security still makes of a locked account's password takes the usual time.
     */
    public UserDetails pausedAccount(String username) {
        return User.withUsername(username.isBlank() ? "-" : username)
                .password(pausedHash)
                .authorities(List.of())
                .accountLocked(true)
                .build();
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        store.clear(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 254 ? name.substring(0, 254) : name;
    }
}
