package clinic.relief.outcomes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The change does not fit the note's state: editing a signed note, amending a draft, changing a voided note. */
@ResponseStatus(HttpStatus.CONFLICT)
public class NoteStateConflict extends RuntimeException {

    private final String messageKey;

    public NoteStateConflict(String messageKey) {
        super("Treatment note state conflict: " + messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
