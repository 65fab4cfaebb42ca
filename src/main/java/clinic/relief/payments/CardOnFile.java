package clinic.relief.payments;

import java.time.Instant;

/**
 * What may be shown of a patient's card on file (brand, last four digits, expiry; never the number), with the
 * policy version the patient accepted when saving it and when.
 */
public record CardOnFile(
        String brand,
        String last4,
        int expMonth,
        int expYear,
        String policyVersion,
        Instant policyAcceptedAt,
        Instant savedAt) {

    /** "08/2030". */
    public String expiry() {
        return "%02d/%d".formatted(expMonth, expYear);
    }
}
