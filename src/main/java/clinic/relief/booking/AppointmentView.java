package clinic.relief.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.shared.Money;

/**
 * An appointment as staff pages and the API show it (no health data: that stays with the patients module);
 * {@code feeOwed} and {@code feeReason} are null when no fee is owed. {@code version} is the one shown: a change
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
        int version) {

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
