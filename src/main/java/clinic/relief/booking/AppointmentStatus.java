package clinic.relief.booking;

/**
 * Where an appointment is in its life: BOOKED, then CHECKED_IN and COMPLETED, or NO_SHOW, or CANCELLED. An online
 * booking by someone not signed in starts PENDING (held until its e-mail is confirmed, then BOOKED, or CANCELLED).
 */
public enum AppointmentStatus {
    PENDING, BOOKED, CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED
}
