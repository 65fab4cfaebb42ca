package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The change does not fit the claim's current state (for example submitting a draft). */
@ResponseStatus(HttpStatus.CONFLICT)
public class ClaimStateConflict extends RuntimeException {

    private final ClaimState current;

    public ClaimStateConflict(long number, ClaimState current, String change) {
        super("Cannot " + change + " claim " + number + ": it is " + current);
        this.current = current;
    }

    public ClaimState current() {
        return current;
    }
}
