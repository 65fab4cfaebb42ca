package clinic.relief.booking;

import java.util.UUID;

/**
 * Someone else changed the appointment after the caller saw it (its version moved on): the change the caller asked
 * for was decided on what is no longer there, so it is refused and nothing changes.
 */
public class AppointmentChangedMeanwhile extends AppointmentStateConflict {

    public AppointmentChangedMeanwhile(UUID id, AppointmentStatus current) {
        super("Appointment " + id + " was changed meanwhile: it is now " + current, current);
    }

    @Override
    public String reason() {
        return "changedMeanwhile";
    }
}
