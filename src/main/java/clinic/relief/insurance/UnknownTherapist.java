package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No active therapist has this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownTherapist extends RuntimeException {

    public UnknownTherapist(Object id) {
        super("No therapist " + id);
    }
}
