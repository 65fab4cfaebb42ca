package clinic.relief.booking.waitlist;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/** A free time offered to one waiting patient until {@code expiresAt}; the link books it if it is still free. */
@NamedInterface("waitlist")
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
