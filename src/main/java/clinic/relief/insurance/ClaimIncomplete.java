package clinic.relief.insurance;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A claim cannot be ready (or be sent) while something it needs is missing; {@link #missing()} names each gap. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class ClaimIncomplete extends RuntimeException {

    private final List<ClaimGap> missing;

    public ClaimIncomplete(long number, List<ClaimGap> missing) {
        super("Claim " + number + " is incomplete: " + missing);
        this.missing = List.copyOf(missing);
    }

    public List<ClaimGap> missing() {
        return missing;
    }
}
