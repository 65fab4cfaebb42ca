package clinic.relief.insurance;

/**
 * Something a claim needs before it may be ready or sent, each with the message the claim page shows
 * ({@code insurance.gap.<NAME>}).
 */
public enum ClaimGap {
    NO_LINES(true),
    NO_DIAGNOSES(true),
    NOTE_NOT_SIGNED(false),
    SERVICE_DATE_NOT_PASSED(false),
    PATIENT_BIRTH_DATE(true),
    PATIENT_SEX(true),
    RENDERING_NAME(true);

    private final boolean content;

    ClaimGap(boolean content) {
        this.content = content;
    }

    /** Whether the 837P or claim form itself would lack a required field (not only a rule of when to send). */
    public boolean content() {
        return content;
    }

    public String messageKey() {
        return "insurance.gap." + name();
    }
}
