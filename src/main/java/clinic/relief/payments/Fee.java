package clinic.relief.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * A late-cancellation or no-show fee owed on an appointment's invoice, to be charged to the card on file unless the
 * desk waives it first. {@code attempt} counts the charges tried: each gets its own idempotency key.
 */
public record Fee(
        UUID id,
        UUID appointmentId,
        UUID patientId,
        UUID invoiceId,
        Money amount,
        Reason reason,
        State state,
        int attempt,
        Optional<String> paymentMethodId,
        Optional<String> paymentIntentId,
        Optional<String> failureCode,
        Instant dueAt) {

    public enum Reason {
        LATE_CANCEL,
        NO_SHOW
    }

    public enum State {
        PENDING,
        CHARGING,
        PAID,
        WAIVED,
        DECLINED,
        NEEDS_AUTHENTICATION,
        NO_CARD;

        /** Whether the desk may still waive it or try to charge it (nothing is on its way to Stripe, nothing paid). */
        public boolean open() {
            return this == PENDING || this == DECLINED || this == NEEDS_AUTHENTICATION || this == NO_CARD;
        }
    }

    /** The idempotency key of this fee's current attempt: derived from the invoice and the attempt. */
    String idempotencyKey() {
        return "invoice-" + invoiceId + "-fee-" + attempt;
    }
}
