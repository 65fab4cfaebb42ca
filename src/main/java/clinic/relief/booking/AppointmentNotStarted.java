package clinic.relief.booking;

import java.util.UUID;

/** The change (completing, marking a no-show) only makes sense once the session has begun, and it has not. */
public class AppointmentNotStarted extends AppointmentStateConflict {

    public AppointmentNotStarted(UUID id, AppointmentStatus current, String change) {
        super("Cannot " + change + " appointment " + id + " before its start", current);
    }

    @Override
    public String reason() {
        return "notStarted";
    }
}
