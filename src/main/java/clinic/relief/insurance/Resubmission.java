package clinic.relief.insurance;

import java.util.Objects;

/**
 * A claim sent again after the payer adjudicated it: {@code CORRECTED} replaces the claim (CLM05-3 = 7), {@code VOID}
 * cancels it (8); either names the payer's claim control number from its 835 (REF*F8).
 */
public record Resubmission(Kind kind, String payerClaimNumber) {

    public enum Kind {
        CORRECTED("7"),
        VOID("8");

        private final String frequency;

        Kind(String frequency) {
            this.frequency = frequency;
        }

        /** The claim frequency code (CLM05-3). */
        public String frequency() {
            return frequency;
        }

        static Kind ofFrequency(String code) {
            return code.equals("7") ? CORRECTED : VOID;
        }
    }

    public Resubmission {
        Objects.requireNonNull(kind, "kind");
        if (payerClaimNumber == null || !payerClaimNumber.strip().matches("[A-Za-z0-9-]{1,50}")) {
            throw new InvalidPayerClaimNumber();
        }
        payerClaimNumber = payerClaimNumber.strip();
    }

    /** The payer's claim number is missing or not 1 to 50 letters, digits and dashes. */
    public static class InvalidPayerClaimNumber extends IllegalArgumentException {

        InvalidPayerClaimNumber() {
            super("The payer's claim control number must be 1 to 50 letters, digits or dashes");
        }
    }
}
