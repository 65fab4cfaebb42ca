package clinic.relief.patients;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed intake form as stored: the questions as the patient saw them with their answers, the document versions
 * agreed to, the typed name, time and address of the signature, and the SHA-256 of exactly what was signed. A staff
 * reader may get only part of the answers ({@link IntakeForms#read}).
 */
public record SignedIntake(
        UUID id,
        UUID patientId,
        Instant signedAt,
        String signedName,
        String ip,
        String language,
        String sha256,
        List<Answer> answers,
        List<SignedDocument> documents) {

    public SignedIntake {
        Objects.requireNonNull(id, "id");
        answers = List.copyOf(answers);
        documents = List.copyOf(documents);
    }

    /** One question as shown and the patient's answer (empty when an optional question was left blank). */
    public record Answer(IntakeQuestion question, String answer) {

        public boolean alert() {
            return question.raisesAlert(answer);
        }
    }

    /** A consent or policy document, by kind and version. */
    public record SignedDocument(String kind, String version) {}

    /** The answers that raise an alert for the therapist (contraindications answered yes, medications, allergies). */
    public List<Answer> alerts() {
        return answers.stream().filter(Answer::alert).toList();
    }

    /** The same signed form with only the answers that are not health data (for the front desk). */
    SignedIntake withoutHealthAnswers() {
        return new SignedIntake(
                id,
                patientId,
                signedAt,
                signedName,
                ip,
                language,
                sha256,
                answers.stream().filter(a -> !a.question().medical()).toList(),
                documents);
    }
}
