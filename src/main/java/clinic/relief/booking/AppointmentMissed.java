package clinic.relief.booking;

import java.util.UUID;

import clinic.relief.shared.Money;

/** The patient did not come; {@code feeOwed} follows the service's no-show rule (zero when it asks for none). */
public record AppointmentMissed(UUID appointmentId, UUID patientId, Money feeOwed) {}
