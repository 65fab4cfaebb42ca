package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No claim has this id or number. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownClaim extends RuntimeException {

    public UnknownClaim(Object id) {
        super("No claim " + id);
    }
}
