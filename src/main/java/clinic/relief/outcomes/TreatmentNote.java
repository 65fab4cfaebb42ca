package clinic.relief.outcomes;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a visit's treatment note. A signed version never changes; {@code amends} is the version it
 * replaces. {@code voidReason} is set (on every version) once the visit's note was voided.
 */
public record TreatmentNote(
        UUID id,
        UUID appointmentId,
        UUID patientId,
        UUID therapistId,
        int version,
        UUID amends,
        NoteContent content,
        Instant createdAt,
        Instant signedAt,
        String signedBy,
        String voidReason) {

    public boolean isSigned() {
        return signedAt != null;
    }

    public boolean isVoided() {
        return voidReason != null;
    }
}
