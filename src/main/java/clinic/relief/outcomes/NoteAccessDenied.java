package clinic.relief.outcomes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in user may not see or change this client's notes (front desk, or another therapist's client). */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NoteAccessDenied extends RuntimeException {

    public NoteAccessDenied() {
        super("Not allowed to see or change this treatment note");
    }
}
