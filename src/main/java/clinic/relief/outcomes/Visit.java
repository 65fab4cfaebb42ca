package clinic.relief.outcomes;

import java.time.Instant;
import java.util.UUID;

/**
 * A completed appointment as outcomes keeps it: who, with whom, what, when, the n-th visit of the client, and until
 * when its client link opens (the link itself is not kept, only its hash).
 */
public record Visit(
        UUID appointmentId,
        UUID patientId,
        UUID therapistId,
        String serviceId,
        int minutes,
        Instant start,
        UUID assessmentId,
        int number,
        Instant linkExpiresAt) {}
