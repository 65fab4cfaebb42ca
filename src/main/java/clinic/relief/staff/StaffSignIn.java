package clinic.relief.staff;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads staff accounts for Spring Security's form login; a paused account is reported as locked. */
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
        boolean paused = throttle.isPaused(email);
        return store.credentials(email)
                .map(account -> User.withUsername(account.email())
                        .password(account.passwordHash())
                        .authorities(List.of(
                                new SimpleGrantedAuthority(account.role().authority())))
                        .disabled(!account.active())
                        .accountLocked(paused)
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No staff account for this email"));
    }
}
