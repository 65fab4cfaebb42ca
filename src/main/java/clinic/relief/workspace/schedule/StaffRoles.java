package clinic.relief.workspace.schedule;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Which staff role is signed in, as the schedule's pages ask it. */
final class StaffRoles {

    private StaffRoles() {}

    /** Front desk or owner: sees every column, books, moves and changes appointments. */
    static boolean isDesk(Authentication auth) {
        Set<String> roles = AuthorityUtils.authorityListToSet(auth.getAuthorities());
        return roles.contains("ROLE_FRONT_DESK") || roles.contains("ROLE_OWNER");
    }

    static boolean isOwner(Authentication auth) {
        return AuthorityUtils.authorityListToSet(auth.getAuthorities()).contains("ROLE_OWNER");
    }

    /** Owner or therapist: may read clinical content (the pain finder's result, notes). */
    static boolean isClinical(Authentication auth) {
        Set<String> roles = AuthorityUtils.authorityListToSet(auth.getAuthorities());
        return roles.contains("ROLE_THERAPIST") || roles.contains("ROLE_OWNER");
    }
}
