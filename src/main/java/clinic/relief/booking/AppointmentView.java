package clinic.relief.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import clinic.relief.patients.Patient;
import clinic.relief.shared.Money;

/**
 * An appointment as staff pages and the API show it (no health data: that stays with the patients module);
 * {@code feeOwed} and {@code feeReason} are null when no fee is owed. A service two therapists give together (a
 * couples massage) has its second therapist in {@code secondTherapist}. {@code version} is the one shown: a change
 * asked for from this view passes it, so it is refused if someone else changed the appointment meanwhile.
 */
public record AppointmentView(
        UUID id,
        Patient patient,
        Therapist therapist,
        BookableService service,
        int minutes,
        Instant start,
        Instant end,
        String room,
        AppointmentStatus status,
        Money feeOwed,
        Appointment.FeeReason feeReason,
        UUID assessmentId,
        Optional<Therapist> secondTherapist,
        int version) {

    /** The therapists the appointment holds: one, or two for a couples massage. */
    public List<Therapist> therapists() {
        return Stream.concat(Stream.of(therapist), secondTherapist.stream()).toList();
    }

    /** Whether a second therapist is held too (a couples massage). */
    public boolean hasSecondTherapist() {
        return secondTherapist.isPresent();
    }

    /** The therapists' names as pages show them: "Ana", or "Ana & Ben" for a couples massage. */
    public String therapistNames() {
        return therapists().stream().map(Therapist::name).collect(Collectors.joining(" & "));
    }

    public boolean isBooked() {
        return status == AppointmentStatus.BOOKED;
    }

    /** An online booking whose e-mail is not confirmed yet: it holds the time until it expires or is released. */
    public boolean isPending() {
        return status == AppointmentStatus.PENDING;
    }

    public boolean isCheckedIn() {
        return status == AppointmentStatus.CHECKED_IN;
    }
}
