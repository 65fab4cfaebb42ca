package clinic.relief.insurance;

import java.util.Objects;

/**
 * A code that a claim cannot carry: an NPI with a wrong check digit, a malformed or retired ICD-10-CM code, a CPT
 * code the clinic does not bill. {@code reason} is a message key suffix ({@code insurance.invalid.<reason>}) and
 * {@code hint} what to use instead, if anything.
 */
public class InvalidCode extends RuntimeException {

    private final String reason;
    private final String value;
    private final String hint;

    public InvalidCode(String reason, String value, String hint) {
        super("Invalid code " + value + ": " + reason + (hint == null ? "" : " (" + hint + ")"));
        this.reason = Objects.requireNonNull(reason);
        this.value = value;
        this.hint = hint;
    }

    public String reason() {
        return reason;
    }

    public String value() {
        return value;
    }

    public String hint() {
        return hint == null ? "" : hint;
    }
}
