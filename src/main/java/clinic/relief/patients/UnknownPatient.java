package clinic.relief.patients;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No patient has this id: a page or API asked for one that does not exist (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownPatient extends RuntimeException {

    public UnknownPatient(UUID id) {
        super("No patient " + id);
    }
}
