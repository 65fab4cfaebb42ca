package clinic.relief.insurance;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The appointment is not completed, so it cannot be claimed yet. */
@ResponseStatus(HttpStatus.CONFLICT)
public class AppointmentNotCompleted extends RuntimeException {

    public AppointmentNotCompleted(UUID appointmentId, String status) {
        super("Appointment " + appointmentId + " is " + status + ", not COMPLETED");
    }
}
