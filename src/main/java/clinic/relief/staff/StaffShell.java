package clinic.relief.staff;

import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the staff shell's navigation needs to know about whoever is signed in: templates ask
 * {@code @staffShell.is('OWNER', 'FRONT_DESK')} to show a section only to the roles its pages admit. The pages
 * themselves are guarded by the security rules; this only keeps the menu from offering doors that stay shut.
 */
@Component("staffShell")
public class StaffShell {

    /** Whether the signed-in staff member holds one of the given roles ({@link StaffRole} names). */
    public boolean is(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(held -> Arrays.stream(roles).anyMatch(role -> held.equals("ROLE_" + role)));
    }
}
