package clinic.relief.payments;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.Payment;
import clinic.relief.billing.Payments;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds, full or partial, of a card payment made through Stripe, to its PaymentIntent. The refund is checked
 * against what remains refundable and committed as REQUESTED, numbered per PaymentIntent, before Stripe is called;
 * its idempotency key is the PaymentIntent and that number, so a retry gets Stripe's first answer. What Stripe made is
 * recorded on the invoice once, by its Refund id, whether from Stripe's answer or from its {@code refund.*} or {@code
 * charge.refunded} webhooks. A refund above what remains is refused with nothing asked of Stripe or recorded.
 */
@Service
public class CardRefunds {

    private final RefundStore store;
    private final StripeGateway stripe;
    private final Payments payments;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final Clock clock;

    CardRefunds(
            RefundStore store,
            StripeGateway stripe,
            Payments payments,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.stripe = stripe;
        this.payments = payments;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What remains refundable of a card payment through Stripe. */
    public Money refundable(String paymentIntentId) {
        Payment charge = charge(paymentIntentId);
        return charge.amount().minus(store.refunded(paymentIntentId));
    }

    /**
     * Refunds {@code amount} of the card payment of {@code invoiceId} made with {@code paymentIntentId}; the refund
     * recorded on the invoice, or a {@link PaymentsFailure} (too large, not a card payment of that invoice, Stripe
     * refused or did not answer) with nothing recorded.
     */
    public Payment refund(UUID invoiceId, String paymentIntentId, Money amount, String by) {
        if (!stripe.enabled()) {
            throw new PaymentsFailure("payments.problem.manual");
        }
        if (!amount.isPositive()) {
            throw new PaymentsFailure("payments.problem.refundAmount");
        }
        RefundStore.Refund refund = newTx.execute(status -> {
            Payment charge = charge(paymentIntentId);
            if (!charge.invoiceId().equals(invoiceId)) {
                throw new PaymentsFailure("payments.problem.unknownCharge");
            }
            if (amount.compareTo(charge.amount().minus(store.refunded(paymentIntentId))) > 0) {
                throw new PaymentsFailure("payments.problem.refundTooLarge");
            }
            RefundStore.Refund asked = new RefundStore.Refund(
                    UUID.randomUUID(), paymentIntentId, store.nextSeq(paymentIntentId), invoiceId, amount);
            if (!store.insert(asked, "REQUESTED", by, clock.instant())) {
                throw new PaymentsFailure("payments.problem.refundBusy");
            }
            return asked;
        });
        StripeGateway.RefundOutcome outcome = stripe.refund(
                paymentIntentId,
                amount,
                "refund-" + paymentIntentId + "-" + refund.seq(),
                Map.of("refund_id", refund.id().toString(), "invoice_id", invoiceId.toString()));
        if (outcome instanceof StripeGateway.RefundOutcome.Made made) {
            return tx.execute(status -> {
                store.settle(refund.id(), "SUCCEEDED", Optional.of(made.refundId()), Optional.empty(), clock.instant());
                return payments.recordCardRefund(paymentIntentId, made.refundId(), amount)
                        .orElseThrow();
            });
        }
        if (outcome instanceof StripeGateway.RefundOutcome.Refused refused) {
            tx.executeWithoutResult(status -> store.settle(
                    refund.id(), "FAILED", Optional.empty(), Optional.of(refused.code()), clock.instant()));
            throw new PaymentsFailure("payments.problem.refundRefused");
        }
        // No answer: the refund stays REQUESTED (counted as refunded) until Stripe's webhook says what it did.
        throw new PaymentsFailure("payments.problem.stripe");
    }

    /**
     * Records a refund Stripe reports (by webhook), once: the app's own refund (named in its metadata) is settled,
     * one made elsewhere (Stripe's dashboard) is noted too, and either is recorded on the invoice by its Refund id.
     */
    void refunded(String paymentIntentId, String stripeRefundId, Money amount, Optional<UUID> ours) {
        tx.executeWithoutResult(status -> {
            Optional<Payment> charge = payments.cardCharge(paymentIntentId);
            if (charge.isEmpty()) {
                return;
            }
            if (ours.isPresent()) {
                store.settle(ours.get(), "SUCCEEDED", Optional.of(stripeRefundId), Optional.empty(), clock.instant());
            }
            if (!store.knows(stripeRefundId)) {
                RefundStore.Refund elsewhere = new RefundStore.Refund(
                        UUID.randomUUID(),
                        paymentIntentId,
                        store.nextSeq(paymentIntentId),
                        charge.get().invoiceId(),
                        amount);
                store.insert(elsewhere, "REQUESTED", "stripe", clock.instant());
                store.settle(
                        elsewhere.id(), "SUCCEEDED", Optional.of(stripeRefundId), Optional.empty(), clock.instant());
            }
            payments.recordCardRefund(paymentIntentId, stripeRefundId, amount);
        });
    }

    private Payment charge(String paymentIntentId) {
        return payments.cardCharge(paymentIntentId)
                .filter(p -> p.kind() == Payment.Kind.PAYMENT)
                .orElseThrow(() -> new PaymentsFailure("payments.problem.unknownCharge"));
    }
}
