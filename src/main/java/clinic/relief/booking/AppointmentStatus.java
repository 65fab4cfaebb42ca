package clinic.relief.booking;

/**
 * Where an appointment is in its life: BOOKED, then CHECKED_IN and COMPLETED, or NO_SHOW, or CANCELLED. An online
 * booking by someone not signed in starts PENDING (held until its e-mail is confirmed, then BOOKED, or CANCELLED).
 * When the clinic approves new clients first, a new client's online booking waits as REQUESTED (holding its slot)
 * until the front desk approves it (BOOKED) or declines it (CANCELLED).
 */
public enum AppointmentStatus {
    PENDING,
    REQUESTED,
    BOOKED,
    CHECKED_IN,
    COMPLETED,
    NO_SHOW,
    CANCELLED
}
