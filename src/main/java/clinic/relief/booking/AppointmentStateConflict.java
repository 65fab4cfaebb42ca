package clinic.relief.booking;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The change does not fit the appointment's current state (for example rescheduling a cancelled appointment), or
 * another change got there first. Nothing was changed. A page or API that does not say more answers 409.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class AppointmentStateConflict extends RuntimeException {

    private final AppointmentStatus current;

    public AppointmentStateConflict(UUID id, AppointmentStatus current, String change) {
        this("Cannot " + change + " appointment " + id + ": it is " + current, current);
    }

    AppointmentStateConflict(String message, AppointmentStatus current) {
        super(message);
        this.current = current;
    }

    public AppointmentStatus current() {
        return current;
    }

    /**
     * The last part of the message key that explains the refusal ({@code wrongState.CANCELLED}, {@code notStarted},
     * {@code changedMeanwhile}); pages put their own prefix before it.
     */
    public String reason() {
        return "wrongState." + current.name();
    }
}
