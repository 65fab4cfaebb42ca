package clinic.relief.insurance;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No coverage has this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownCoverage extends RuntimeException {

    public UnknownCoverage(UUID id) {
        super("No coverage " + id);
    }
}
