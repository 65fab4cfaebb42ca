package clinic.relief.staff;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads staff accounts for Spring Security's form login. Each load is one attempt claimed from the
 * {@link LoginThrottle} before the password is checked; a paused name (known or not) is reported as a locked
 * account, so its password is never checked.
 */
@Component
class StaffSignIn implements UserDetailsService {

    private final StaffStore store;
    private final LoginThrottle throttle;

    StaffSignIn(StaffStore store, LoginThrottle throttle) {
        this.store = store;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        if (!throttle.claimAttempt(email)) {
            return throttle.pausedAccount(email);
        }
        return store.credentials(email)
                .map(account -> User.withUsername(account.email())
                        .password(account.passwordHash())
                        .authorities(List.of(
                                new SimpleGrantedAuthority(account.role().authority())))
                        .disabled(!account.active())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No staff account for this email"));
    }
}
