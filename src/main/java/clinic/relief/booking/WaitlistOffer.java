package clinic.relief.booking;

import java.time.Instant;
import java.util.UUID;

/** A free time offered to one waiting patient until {@code expiresAt}; the link books it if it is still free. */
public record WaitlistOffer(
        UUID id,
        UUID entryId,
        UUID patientId,
        String serviceId,
        int minutes,
        Instant start,
        UUID therapistId,
        Instant expiresAt,
        String status) {}
