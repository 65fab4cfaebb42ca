package clinic.relief.outcomes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A score cannot be taken: an answer out of range, more missing answers than the instrument's rule allows, too many
 * or too few items. {@code field} names the answer ({@code answers[3]}, {@code before}); nothing is saved.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class InvalidScore extends RuntimeException {

    private final String field;
    private final String messageKey;

    public InvalidScore(String field, String messageKey) {
        super("Invalid score " + field + " (" + messageKey + ")");
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
