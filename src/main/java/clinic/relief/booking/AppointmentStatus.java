package clinic.relief.booking;

/** Where an appointment is in its life: BOOKED, then CHECKED_IN and COMPLETED, or NO_SHOW, or CANCELLED. */
public enum AppointmentStatus {
    BOOKED, CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED
}
