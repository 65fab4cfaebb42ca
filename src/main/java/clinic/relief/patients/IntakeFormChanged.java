package clinic.relief.patients;

/**
 * A signature over a form that changed since it was shown (a question or document was added or changed): refused,
 * nothing stored. The patient is shown the current form to review.
 */
public class IntakeFormChanged extends RuntimeException {

    public IntakeFormChanged() {
        super("The intake form changed since it was shown");
    }
}
