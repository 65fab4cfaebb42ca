package clinic.relief.outcomes;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No completed visit (and so no note) for this appointment, or the client's link is unknown or expired. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownVisit extends RuntimeException {

    public UnknownVisit(UUID appointmentId) {
        super("No completed visit " + appointmentId);
    }

    public UnknownVisit() {
        super("Unknown or expired link");
    }
}
