package clinic.relief.patients;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The intake form behind one link, as shown: the questions and documents in the patient's language, the answers
 * filled in from the last signed form (or from the patient's record), and the SHA-256 of what is shown, which the
 * page sends back so that a form changed meanwhile is not signed unseen.
 *
 * @param returning whether the answers come from an earlier signed form, for the patient to review and confirm
 */
public record IntakeForm(
        String firstName,
        String language,
        List<IntakeQuestion> questions,
        List<IntakeDocument> documents,
        Map<String, String> answers,
        String shownHash,
        boolean returning) {

    public IntakeForm {
        Objects.requireNonNull(firstName, "firstName");
        questions = List.copyOf(questions);
        documents = List.copyOf(documents);
        answers = Map.copyOf(answers);
    }

    /** The answer filled in for a question, empty when there is none. */
    public String answer(String questionId) {
        return answers.getOrDefault(questionId, "");
    }
}
