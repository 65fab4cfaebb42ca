package clinic.relief.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * A late-cancellation or no-show fee owed on an appointment's invoice, to be charged to the card on file unless the
 * desk waives it first. {@code attempt} counts the charges tried: each gets its own idempotency key.
 *
 * @param amount what is charged to the card on file: the fee less the deposit kept toward it
 * @param depositKept the part of the fee a deposit paid online covers (zero without one); waiving the fee refunds it
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
        Instant dueAt,
        Money depositKept) {

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
        /** The bank wants the patient to authenticate: the PaymentIntent waits, and the patient has a link to it. */
        NEEDS_AUTHENTICATION,
        /** The patient is on the bank's authentication page (the desk may still waive: Stripe cancels the intent). */
        AUTHENTICATING,
        NO_CARD,
        /** The deposit kept covers the whole fee: nothing is charged to the card. */
        COVERED,
        /** The invoice was paid some other way (the desk's checkout, by hand) before the fee was charged. */
        SETTLED;

        /** Whether the desk may still waive it or try to charge it (nothing is on its way to Stripe, nothing paid). */
        public boolean open() {
            return this == PENDING || this == DECLINED || this == NEEDS_AUTHENTICATION || this == NO_CARD;
        }
    }

    /**
     * Whether the desk may waive it: while open (also while it waits for the patient's bank, whose PaymentIntent is
     * then cancelled), or when the deposit covers it (the deposit is then refunded).
     */
    public boolean waivable() {
        return state.open() || state == State.COVERED || state == State.AUTHENTICATING;
    }

    /** Whether it waits for the patient to confirm the payment with their bank. */
    public boolean waitingForBank() {
        return state == State.NEEDS_AUTHENTICATION || state == State.AUTHENTICATING;
    }

    /** The whole fee: what the card is charged and what the deposit covers. */
    public Money total() {
        return amount.plus(depositKept);
    }

    /** The idempotency key of this fee's current attempt: derived from the invoice and the attempt. */
    String idempotencyKey() {
        return "invoice-" + invoiceId + "-fee-" + attempt;
    }
}
