package clinic.relief.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to book: who, what, how long, when, optionally with whom. {@code assessmentId} is a pain finder
 * assessment kept as an opaque id; {@code idempotencyKey} makes a retried request return the first result.
 *
 * @param therapistId the one therapist asked for; empty for anyone who gives the service
 * @param secondTherapistId for a service two therapists give together (a couples massage), the second one asked for;
 *     empty for the first other therapist free then. Must be empty for a service one therapist gives.
 */
public record BookAppointment(
        UUID patientId,
        String serviceId,
        int minutes,
        Instant start,
        Optional<UUID> therapistId,
        Appointment.Source source,
        UUID assessmentId,
        String idempotencyKey,
        Optional<UUID> secondTherapistId) {

    public BookAppointment {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(secondTherapistId, "secondTherapistId");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new IllegalArgumentException("An idempotency key has 1 to 100 characters");
        }
    }

    /** A request naming at most one therapist: for a couples massage the second is whoever else is free then. */
    public BookAppointment(
            UUID patientId,
            String serviceId,
            int minutes,
            Instant start,
            Optional<UUID> therapistId,
            Appointment.Source source,
            UUID assessmentId,
            String idempotencyKey) {
        this(patientId, serviceId, minutes, start, therapistId, source, assessmentId, idempotencyKey, Optional.empty());
    }
}
