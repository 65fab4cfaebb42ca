package clinic.relief.outcomes;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The visit's note is signed, so its pain before and after are part of the signed record and never change. To
 * correct them the therapist amends the note: the amendment's draft opens them again until it is signed.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class PainScoresFinal extends RuntimeException {

    public PainScoresFinal(UUID appointmentId) {
        super("The pain scores of visit " + appointmentId + " are final: its note is signed");
    }

    public String messageKey() {
        return "outcomes.score.final";
    }
}
