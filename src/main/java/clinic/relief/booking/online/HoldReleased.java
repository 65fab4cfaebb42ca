package clinic.relief.booking.online;

import java.time.Instant;
import java.util.UUID;

/**
 * An unconfirmed online hold stopped holding its time: it expired, or the front desk released it ({@code releasedBy}
 * is then the staff member's e-mail). The therapist is free from {@code start} until {@code freeUntil} (buffer
 * included) unless something else took it meanwhile.
 */
public record HoldReleased(UUID appointmentId, UUID therapistId, Instant start, Instant freeUntil, String releasedBy) {}
