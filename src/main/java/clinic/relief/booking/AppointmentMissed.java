package clinic.relief.booking;

import java.math.BigDecimal;
import java.util.UUID;

/** The patient did not come; {@code feeOwed} follows the service's no-show rule. */
public record AppointmentMissed(UUID appointmentId, UUID patientId, BigDecimal feeOwed) {
}
