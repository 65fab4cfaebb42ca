package clinic.relief.payments;

import java.util.UUID;

import clinic.relief.billing.Payments;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The one rule every card charge of an invoice starts under, whoever starts it (the desk checkout, a late-cancellation
 * or no-show fee, a membership month): the invoice's row is locked ({@link Payments#lockedBalance}, the lock a payment
 * recorded by hand takes too), what is still owed is read less every card charge under way ({@link
 * CardChargesUnderWay}), and the new attempt is committed as CHARGING before the lock is let go. Of two charges of one
 * invoice at once, the second sees the first (under way or paid) and is refused or waits: never two charges for the
 * same money.
 */
@Component
class InvoiceCharges {

    /** Where the invoice stands for a new card charge, read under its lock. */
    sealed interface Standing {

        /** The charge may start, for at most {@code owed}. */
        record Owed(Money owed) implements Standing {}

        /** Another card charge of the invoice is waiting for Stripe's answer: try again once it has one. */
        record ChargeUnderWay(Money underWay) implements Standing {}

        /** Nothing is owed: paid in full, some other way. */
        record Settled() implements Standing {}
    }

    private final Payments payments;
    private final CardChargeStore charges;

    InvoiceCharges(Payments payments, CardChargeStore charges) {
        this.payments = payments;
        this.charges = charges;
    }

    /**
     * Locks the invoice until the caller's transaction ends (there must be one) and says whether a card charge may
     * start; the caller commits its attempt as CHARGING in the same transaction.
     */
    Standing lock(UUID invoiceId) {
        Money owed = payments.lockedBalance(invoiceId);
        if (owed.isPositive()) {
            return new Standing.Owed(owed);
        }
        Money underWay = charges.underWay(invoiceId);
        return underWay.isPositive() ? new Standing.ChargeUnderWay(underWay) : new Standing.Settled();
    }
}
