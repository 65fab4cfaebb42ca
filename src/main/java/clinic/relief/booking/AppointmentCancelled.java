package clinic.relief.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An appointment was cancelled; {@code feeOwed} is zero unless it was late (per the service's rules). */
public record AppointmentCancelled(UUID appointmentId, UUID patientId, Instant start, Instant cancelledAt,
        BigDecimal feeOwed) {
}
