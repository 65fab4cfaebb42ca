package clinic.relief.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.spi.ChargesUnderWay;
import clinic.relief.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments taken at the desk (card terminal, cash, check, HSA/FSA card) and refunds. The invoice row is locked while
 * its balance is checked, so two desks cannot together pay more than is owed; a payment above the balance or a
 * refund above what was paid is refused with nothing written. A gift card payment also spends the card
 * ({@link GiftCards}), which cannot go below zero. A card charge under way for the invoice ({@link ChargesUnderWay}:
 * the desk checkout's, committed before Stripe is asked) counts against the balance too, and a card charge is only
 * started under the same lock ({@link #lockedBalance}), so a payment recorded by hand and a card charge at checkout
 * cannot together take more than is owed: of two at once, the second is refused with nothing written.
 */
@Service
public class Payments {

    private final InvoiceStore store;
    private final Invoices invoices;
    private final GiftCards giftCards;
    private final BillingRun run;
    private final ApplicationEventPublisher events;
    private final List<ChargesUnderWay> underWay;
    private final Clock clock;

    Payments(
            InvoiceStore store,
            Invoices invoices,
            GiftCards giftCards,
            BillingRun run,
            ApplicationEventPublisher events,
            List<ChargesUnderWay> underWay,
            Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.giftCards = giftCards;
        this.run = run;
        this.events = events;
        this.underWay = underWay;
        this.clock = clock;
    }

    @Transactional
    public Payment record(RecordPayment command, String recordedBy) {
        if (command.method() == Payment.Method.CARD_ON_FILE) {
            throw BillingFailure.unprocessable("cardOnFileByStripe");
        }
        if (!store.lock(command.invoiceId())) {
            throw BillingFailure.notFound("unknownInvoice");
        }
        Invoice invoice = invoices.get(command.invoiceId());
        if (command.kind() == Payment.Kind.PAYMENT) {
            Money charging = underWay(invoice.id());
            Money limit = invoice.balance().minus(charging);
            if (command.amount().compareTo(limit) > 0) {
                throw charging.isPositive()
                        ? BillingFailure.conflict("chargeUnderWay", charging, limit.max(Money.ZERO))
                        : limit.isPositive() || invoice.paid().isZero()
                                ? BillingFailure.unprocessable("overBalance", limit.max(Money.ZERO))
                                : BillingFailure.conflict("alreadyPaid");
            }
        } else if (command.amount().compareTo(invoice.paid()) > 0) {
            throw BillingFailure.unprocessable("overPaid", invoice.paid());
        }
        Payment payment = new Payment(
                UUID.randomUUID(),
                invoice.id(),
                command.kind(),
                command.method(),
                command.amount(),
                command.note(),
                recordedBy,
                clock.instant());
        store.insertPayment(payment);
        if (payment.method() == Payment.Method.GIFT_CARD) {
            giftCards.redeem(command.giftCardCode(), payment.amount(), payment.id());
        }
        paidInFull(invoice.id());
        events.publishEvent(
                new PaymentRecorded(payment.id(), invoice.id(), invoice.patientId(), payment.kind(), payment.amount()));
        return payment;
    }

    /**
     * Locks the invoice until the caller's transaction ends and returns what may still be charged: the balance less
     * card charges under way. A card charge is started (committed as under way) inside that transaction, so a payment
     * recorded by hand meanwhile waits for the lock and then counts the charge.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Money lockedBalance(UUID invoiceId) {
        if (!store.lock(invoiceId)) {
            throw BillingFailure.notFound("unknownInvoice");
        }
        return invoices.get(invoiceId).balance().minus(underWay(invoiceId));
    }

    private Money underWay(UUID invoiceId) {
        return underWay.stream().map(u -> u.of(invoiceId)).reduce(Money.ZERO, Money::plus);
    }

    /**
     * Records a card payment Stripe has made (its PaymentIntent id in the note), once: a second call with the same
     * PaymentIntent returns the payment already recorded. Stripe has taken the money, so no balance limit applies.
     */
    @Transactional
    public Payment recordCardCharge(UUID invoiceId, Money amount, String paymentIntentId) {
        if (!store.lock(invoiceId)) {
            throw BillingFailure.notFound("unknownInvoice");
        }
        Optional<Payment> recorded = store.cardPayment(paymentIntentId);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Invoice invoice = invoices.get(invoiceId);
        Payment payment = new Payment(
                UUID.randomUUID(),
                invoiceId,
                Payment.Kind.PAYMENT,
                Payment.Method.CARD_ON_FILE,
                amount,
                paymentIntentId,
                "stripe",
                clock.instant());
        store.insertPayment(payment);
        paidInFull(invoiceId);
        events.publishEvent(
                new PaymentRecorded(payment.id(), invoiceId, invoice.patientId(), payment.kind(), payment.amount()));
        return payment;
    }

    /** A membership month paid in full gets its held credits (and a paused membership resumes). */
    private void paidInFull(UUID invoiceId) {
        if (!invoices.get(invoiceId).balance().isPositive()) {
            run.paid(invoiceId);
        }
    }

    /** Card payments and refunds recorded in {@code [from, to)} (their notes hold Stripe's ids), for reconciliation. */
    @Transactional(readOnly = true)
    public List<Payment> cardPayments(Instant from, Instant to) {
        return store.cardPayments(from, to);
    }

    /** The card payment Stripe made with this PaymentIntent, if one is recorded. */
    @Transactional(readOnly = true)
    public Optional<Payment> cardCharge(String paymentIntentId) {
        return store.cardPayment(paymentIntentId);
    }

    /**
     * Records a refund Stripe has made of a recorded card payment (its Refund id in the note), once: a second call
     * with the same refund returns the refund already recorded; a refund of a PaymentIntent the app never recorded
     * records nothing.
     */
    @Transactional
    public Optional<Payment> recordCardRefund(String paymentIntentId, String refundId, Money amount) {
        Optional<Payment> charge = store.cardPayment(paymentIntentId);
        if (charge.isEmpty() || !store.lock(charge.get().invoiceId())) {
            return Optional.empty();
        }
        Optional<Payment> recorded = store.cardPayment(refundId);
        if (recorded.isPresent()) {
            return recorded;
        }
        UUID invoiceId = charge.get().invoiceId();
        Payment refund = new Payment(
                UUID.randomUUID(),
                invoiceId,
                Payment.Kind.REFUND,
                Payment.Method.CARD_ON_FILE,
                amount,
                refundId,
                "stripe",
                clock.instant());
        store.insertPayment(refund);
        events.publishEvent(new PaymentRecorded(
                refund.id(), invoiceId, invoices.get(invoiceId).patientId(), refund.kind(), refund.amount()));
        return Optional.of(refund);
    }

    /**
     * Flags the invoice paid by this PaymentIntent with a dispute Stripe reported; the invoice's id when the dispute
     * is new, empty when it was flagged already or the PaymentIntent is not the app's.
     */
    @Transactional
    public Optional<UUID> flagDispute(String paymentIntentId, String disputeId, Money amount, String reason) {
        return store.cardPayment(paymentIntentId)
                .map(Payment::invoiceId)
                .filter(invoiceId -> store.flagDispute(invoiceId, disputeId, amount, reason, clock.instant()));
    }
}
