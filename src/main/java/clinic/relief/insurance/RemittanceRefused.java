package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The 835 reads, but posting it would be wrong for one claim (paid more than billed, paid again, reversed more than
 * was posted, or in a state a payer's answer cannot move), so nothing of it is posted. {@code reason} is a message key
 * suffix; {@code claimId} the claim (CLP01) concerned.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class RemittanceRefused extends RuntimeException {

    private final String reason;
    private final String claimId;

    public RemittanceRefused(String reason, String claimId) {
        super("835 refused (" + reason + ") at claim " + claimId);
        this.reason = reason;
        this.claimId = claimId;
    }

    public String reason() {
        return reason;
    }

    public String claimId() {
        return claimId;
    }
}
