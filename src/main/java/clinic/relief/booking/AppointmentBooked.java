package clinic.relief.booking;

import java.time.Instant;
import java.util.UUID;

/** An appointment was booked. Carries ids and times only, never health details. */
public record AppointmentBooked(
        UUID appointmentId,
        UUID patientId,
        UUID therapistId,
        String serviceId,
        int minutes,
        Instant start,
        UUID assessmentId) {}
