package clinic.relief.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the trail: {@code actor} is the signed-in name (an e-mail) and {@code actorRole} its role. */
public record AuditEntry(
        Instant at,
        String actor,
        String actorRole,
        AuditAction action,
        String recordKind,
        String recordId,
        UUID patientId) {}
