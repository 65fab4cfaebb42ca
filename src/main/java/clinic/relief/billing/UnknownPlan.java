package clinic.relief.billing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No plan has this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownPlan extends RuntimeException {

    public UnknownPlan(String id) {
        super("No membership plan " + id);
    }
}
