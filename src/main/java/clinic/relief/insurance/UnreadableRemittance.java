package clinic.relief.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The uploaded file is not an 835 (5010 X221A1) this module can read; {@code reason} is a message key suffix. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class UnreadableRemittance extends RuntimeException {

    private final String reason;

    public UnreadableRemittance(String reason) {
        super("Unreadable 835 remittance: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
