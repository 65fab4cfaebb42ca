package clinic.relief.booking;

import java.time.Instant;
import java.util.UUID;

/** A session took place; billing and outcomes pick it up from here. */
public record AppointmentCompleted(
        UUID appointmentId, UUID patientId, UUID therapistId, String serviceId, int minutes, Instant start) {}
