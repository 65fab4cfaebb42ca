package clinic.relief.staff;

import java.time.Instant;
import java.util.UUID;

/** An API token as the owner's list shows it: never the token itself, which is shown once when issued. */
public record ApiToken(
        UUID id,
        String name,
        StaffRole role,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
