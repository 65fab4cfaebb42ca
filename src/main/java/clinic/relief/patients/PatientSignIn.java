package clinic.relief.patients;

import java.util.List;

import clinic.relief.staff.LoginThrottle;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads patient accounts for the patients' own sign-in (role PATIENT only, never a staff role). An unconfirmed
 * account is disabled. Each load is one attempt claimed from the shared sign-in throttle before the password is
 * checked; a paused name (known or not) is reported as a locked account, so its password is never checked. Deliberately not a
 * {@code UserDetailsService} bean, so the staff sign-in stays the application's only one.
 */
@Component
public class PatientSignIn {

    private final PatientAccounts accounts;
    private final LoginThrottle throttle;

    PatientSignIn(PatientAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    public UserDetails load(String email) {
        if (!throttle.claimAttempt(email)) {
            return throttle.pausedAccount(email);
        }
        return accounts.byEmail(email)
                .map(account -> User.withUsername(account.email())
                        .password(account.passwordHash())
                        .authorities(List.of(new SimpleGrantedAuthority(PatientAccounts.ROLE)))
                        .disabled(!account.verified())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No patient account for this email"));
    }
}
