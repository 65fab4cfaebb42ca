package clinic.relief.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.relief.shared.Money;

/** An appointment was cancelled; {@code feeOwed} is zero unless it was late (per the service's rules). */
public record AppointmentCancelled(
        UUID appointmentId, UUID patientId, Instant start, Instant cancelledAt, Money feeOwed) {}
