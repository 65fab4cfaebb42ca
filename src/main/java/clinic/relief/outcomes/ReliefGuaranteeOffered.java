package clinic.relief.outcomes;

import java.time.Instant;
import java.util.UUID;

/**
 * A session fell short of the clinic's relief guarantee, so the client was offered a free follow-up until
 * {@code validUntil}. Billing may honour it as a credit.
 */
public record ReliefGuaranteeOffered(UUID patientId, UUID appointmentId, String serviceId, Instant validUntil) {
}
