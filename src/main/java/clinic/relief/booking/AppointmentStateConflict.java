package clinic.relief.booking;

import java.util.UUID;

/** The change does not fit the appointment's current state (for example rescheduling a cancelled appointment). */
public class AppointmentStateConflict extends RuntimeException {

    private final AppointmentStatus current;

    public AppointmentStateConflict(UUID id, AppointmentStatus current, String change) {
        super("Cannot " + change + " appointment " + id + ": it is " + current);
        this.current = current;
    }

    public AppointmentStatus current() {
        return current;
    }
}
