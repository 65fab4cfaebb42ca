package clinic.relief.billing.spi;

import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * A card charge of an invoice waiting for the patient's card on the desk's card reader, implemented by the payments
 * module. When the desk records a payment taken another way on the invoice page, billing first asks for the reader to
 * be stopped (its action and PaymentIntent cancelled at the card processor, once), as the desk checkout does, so of
 * the two exactly one payment is recorded.
 */
public interface ReaderCharges {

    /** What became of the reader's charge. */
    enum Outcome {
        /** No charge of the invoice waits on the reader. */
        NONE_WAITING,
        /** The reader was stopped: it can no longer charge the card, and its charge no longer counts as under way. */
        STOPPED,
        /** The reader took the card first: that payment is recorded (once), so the other one must be refused. */
        CARD_TAKEN,
        /** The card processor did not answer: the reader's charge still counts as under way. */
        NO_ANSWER
    }

    /** The outcome, and the amount the reader was charging (zero when none waited). */
    record Stop(Outcome outcome, Money amount) {}

    /** Stops the invoice's charge waiting on the reader, if one does. */
    Stop stop(UUID invoiceId);
}
