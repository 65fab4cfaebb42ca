package clinic.relief.staff;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads staff accounts for Spring Security's form login; a paused account is reported as locked. */
@Component
class StaffSignIn implements UserDetailsService {

    private final JdbcClient jdbc;
    private final LoginThrottle throttle;

    StaffSignIn(JdbcClient jdbc, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        boolean paused = throttle.isPaused(email);
        return jdbc.sql("select email, role, password_hash, active from staff_account where lower(email) = lower(:email)")
                .param("email", email)
                .query((rs, row) -> User.withUsername(rs.getString("email"))
                        .password(rs.getString("password_hash"))
                        .authorities(List.of(new SimpleGrantedAuthority(
                                StaffRole.valueOf(rs.getString("role")).authority())))
                        .disabled(!rs.getBoolean("active"))
                        .accountLocked(paused)
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No staff account for this email"));
    }
}
