package clinic.relief.clinic;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No service on the menu has this id, retired or not. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NoSuchService extends RuntimeException {

    public NoSuchService(String id) {
        super("No service " + id);
    }
}
