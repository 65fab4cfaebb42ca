package clinic.relief.patients;

import java.util.Objects;

/**
 * One question of the intake form as a patient sees it, in their language. The clinic adds its own questions as rows
 * of {@code intake_question}; the built-in set covers contact, address, date of birth, sex, an emergency contact,
 * medications, allergies and the contraindications a massage therapist must know.
 *
 * @param id the stable key answers are stored under
 * @param section {@code CONTACT}, {@code EMERGENCY}, {@code HEALTH} or {@code CONTRAINDICATION}
 * @param kind {@code TEXT}, {@code LONG_TEXT}, {@code DATE}, {@code PHONE}, {@code EMAIL}, {@code SEX} or {@code YES_NO}
 * @param alert whether a "yes" (or a written answer) is shown to the therapist as an alert
 */
public record IntakeQuestion(
        String id, int position, String section, String kind, boolean required, boolean alert, String label) {

    public IntakeQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }

    /** Whether the answer is health data (read only by the owner and the patient's therapists). */
    public boolean medical() {
        return section.equals("HEALTH") || section.equals("CONTRAINDICATION");
    }

    /** Whether this answer raises an alert for the therapist. */
    public boolean raisesAlert(String answer) {
        if (!alert || answer == null || answer.isBlank()) {
            return false;
        }
        return kind.equals("YES_NO") ? answer.equals("yes") : !answer.strip().equalsIgnoreCase("no");
    }
}
