package clinic.relief.booking;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No appointment has this id (or the caller may not see it). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownAppointment extends RuntimeException {

    public UnknownAppointment(UUID id) {
        super("No appointment " + id);
    }
}
