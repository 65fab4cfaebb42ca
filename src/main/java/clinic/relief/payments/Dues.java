package clinic.relief.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * One membership month charged to the card on file: its invoice, where the charge stands, the attempt in flight (the
 * idempotency key is derived from the invoice and the attempt), how many attempts failed, and when the next is due.
 */
record Dues(
        UUID invoiceId,
        UUID membershipId,
        UUID patientId,
        LocalDate period,
        Money amount,
        State state,
        int attempt,
        int failures,
        Optional<String> paymentMethodId,
        Optional<String> paymentIntentId,
        Optional<String> failureCode,
        Optional<LocalDate> firstTriedOn,
        Optional<Instant> nextAttemptAt) {

    /** Where a month's charge stands. */
    enum State {
        /** Owed; the first attempt is due. */
        DUE,
        /** An attempt is on its way to Stripe (or its answer was lost: the sweep asks again with the same key). */
        CHARGING,
        /** An attempt was declined; the next is scheduled. */
        RETRYING,
        /** The bank wants the patient to authenticate; they have a link, and retries go on. */
        NEEDS_AUTHENTICATION,
        /** The patient is on the bank's authentication page. */
        AUTHENTICATING,
        /** The last retry failed: the membership is paused until the invoice is paid. */
        PAUSED,
        /** Charged to the card. */
        PAID,
        /** Paid some other way (at the desk) before the card was charged. */
        SETTLED;

        /** Whether a new attempt may start from this state. */
        boolean chargeable() {
            return this == DUE || this == RETRYING || this == NEEDS_AUTHENTICATION || this == PAUSED;
        }
    }

    String idempotencyKey() {
        return "dues-" + invoiceId + "-" + attempt;
    }
}
