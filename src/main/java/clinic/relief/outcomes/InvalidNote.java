package clinic.relief.outcomes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A note's content breaks a rule: {@code field} names the field, {@code messageKey} the localized message. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class InvalidNote extends RuntimeException {

    private final String field;
    private final String messageKey;

    public InvalidNote(String field, String messageKey) {
        super("Invalid " + field + " (" + messageKey + ")");
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
