package clinic.relief.blog;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The count of comments waiting for a moderator, for the staff menu as {@code ${@blogModeration.pendingForStaff()}}:
 * null for anyone who is not signed-in staff, so visitors never see it.
 */
@Component("blogModeration")
public class ModerationBadge {

    private final Moderation moderation;

    ModerationBadge(Moderation moderation) {
        this.moderation = moderation;
    }

    public Integer pendingForStaff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = auth != null
                && auth.isAuthenticated()
                && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().matches("ROLE_(OWNER|FRONT_DESK|THERAPIST)"));
        return staff ? moderation.pending() : null;
    }
}
