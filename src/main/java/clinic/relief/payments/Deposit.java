package clinic.relief.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * The deposit of one held online booking and where it stands.
 *
 * @param patientId whose it is: for a visitor's (a guest's), their placeholder until paid, then the patient the
 *     payment booked it for; empty once a guest's deposit ended unpaid (the placeholder is then forgotten)
 * @param expiresAt when the hold ends unless paid (the Checkout page expires then too)
 * @param guest made by a visitor who was not signed in, who pays through a signed link
 */
public record Deposit(
        UUID id,
        UUID appointmentId,
        Optional<UUID> patientId,
        Money amount,
        State state,
        Optional<String> checkoutSessionId,
        Optional<String> checkoutUrl,
        Optional<String> paymentIntentId,
        Optional<String> refundId,
        Instant expiresAt,
        boolean guest) {

    /**
     * OPEN while the slot is held for payment; PAID once Stripe says so (booked, on the invoice); EXPIRED when the
     * hold ended unpaid; LATE_REFUNDED when a payment came after the hold ended (refunded whole, nothing booked); KEPT
     * as the fee of a late cancellation; REFUNDED after a timely one; NOT_BOOKED when it was paid for a time that could
     * not be kept (the patient already had an appointment then, or the time was taken): refunded whole, nothing booked.
     */
    public enum State {
        OPEN,
        PAID,
        EXPIRED,
        LATE_REFUNDED,
        KEPT,
        REFUNDED,
        NOT_BOOKED
    }

    public boolean open() {
        return state == State.OPEN;
    }

    /** Paid, but the time was not kept for it: it is refunded whole (LATE_REFUNDED, NOT_BOOKED). */
    public boolean notKept() {
        return state == State.LATE_REFUNDED || state == State.NOT_BOOKED;
    }
}
