package clinic.relief.insurance;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A 271 that changed nothing: {@code reason} is a message key suffix ({@code insurance.problem.eligibility.*}):
 * rejected (the payer's AAA codes in {@code codes}), unknownMember (no coverage here has the member id or trace),
 * noStatus (no EB says active or inactive), invalid (it breaks the 271 schema; {@code codes} say where).
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class EligibilityRefused extends RuntimeException {

    private final String reason;
    private final List<String> codes;

    public EligibilityRefused(String reason, List<String> codes) {
        super("271 refused: " + reason + " " + codes);
        this.reason = reason;
        this.codes = List.copyOf(codes);
    }

    public String reason() {
        return reason;
    }

    public List<String> codes() {
        return codes;
    }
}
