package clinic.relief.patients;

import java.util.Map;
import java.util.Objects;

/**
 * What a patient sends to sign the form: the answers by question id, the name typed as signature, whether they
 * agree to the documents, and the hash of the form they were shown ({@link IntakeForm#shownHash}).
 */
public record IntakeSubmission(Map<String, String> answers, String signedName, boolean agrees, String shownHash) {

    public IntakeSubmission {
        answers = Map.copyOf(answers);
        Objects.requireNonNull(signedName, "signedName");
        Objects.requireNonNull(shownHash, "shownHash");
    }
}
