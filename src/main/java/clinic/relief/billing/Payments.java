package clinic.relief.billing;

import java.time.Clock;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments taken at the desk (card terminal, cash, check, HSA/FSA card) and refunds. The invoice row is locked while
 * its balance is checked, so two desks cannot together pay more than is owed; a payment above the balance or a
 * refund above what was paid is refused with nothing written. A gift card payment also spends the card
 * ({@link GiftCards}), which cannot go below zero.
 */
@Service
public class Payments {

    private final InvoiceStore store;
    private final Invoices invoices;
    private final GiftCards giftCards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Payments(
            InvoiceStore store, Invoices invoices, GiftCards giftCards, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.giftCards = giftCards;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Payment record(RecordPayment command, String recordedBy) {
        if (!store.lock(command.invoiceId())) {
            throw BillingFailure.notFound("unknownInvoice");
        }
        Invoice invoice = invoices.get(command.invoiceId());
        Money limit = command.kind() == Payment.Kind.PAYMENT ? invoice.balance() : invoice.paid();
        if (command.amount().compareTo(limit) > 0) {
            throw BillingFailure.unprocessable(
                    command.kind() == Payment.Kind.PAYMENT ? "overBalance" : "overPaid", limit);
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
        events.publishEvent(
                new PaymentRecorded(payment.id(), invoice.id(), invoice.patientId(), payment.kind(), payment.amount()));
        return payment;
    }
}
