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
 * {@code patientConfirmedAt} is when the patient confirmed it at its current time (see
 * {@link AppointmentConfirmations}).
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
        int version,
        Optional<Instant> patientConfirmedAt) {

    /** An appointment the patient has not confirmed (or whose time moved since). */
    public AppointmentView(
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
        this(
                id,
                patient,
                therapist,
                service,
                minutes,
                start,
                end,
                room,
                status,
                feeOwed,
                feeReason,
                assessmentId,
                secondTherapist,
                version,
                Optional.empty());
    }

    /**
     * Whether the patient said they will come (by the manage link or a "C" text reply) to this booked appointment at
     * its current time.
     */
    public boolean patientConfirmed() {
        return status == AppointmentStatus.BOOKED && patientConfirmedAt.isPresent();
    }

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

    /**
     * The state desk pages show: the status's name, or {@code PATIENT_CONFIRMED} for a booked appointment the patient
     * confirmed (message keys {@code booking.status.*}).
     */
    public String deskState() {
        return patientConfirmed() ? "PATIENT_CONFIRMED" : status.name();
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
