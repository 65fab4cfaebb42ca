package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A claim cannot be ready without service lines and diagnoses ({@code missing}: noLines or noDiagnoses). */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class ClaimIncomplete extends RuntimeException {

    private final String missing;

    public ClaimIncomplete(long number, String missing) {
        super("Claim " + number + " is incomplete: " + missing);
        this.missing = missing;
    }

    public String missing() {
        return missing;
    }
}
