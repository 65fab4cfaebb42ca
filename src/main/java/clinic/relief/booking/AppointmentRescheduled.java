package clinic.relief.booking;

import java.time.Instant;
import java.util.UUID;

/** A booked appointment moved to another time (and perhaps another therapist). */
public record AppointmentRescheduled(
        UUID appointmentId, UUID patientId, UUID therapistId, Instant previousStart, Instant start) {}
