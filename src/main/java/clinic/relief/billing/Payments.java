package clinic.relief.billing;

import java.time.Clock;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.billing.CreditLedger.ts;

/**
 * Payments taken at the desk (card terminal, cash, check, HSA/FSA card) and refunds. The invoice row is locked while
 * its balance is checked, so two desks cannot together pay more than is owed; a payment above the balance or a
 * refund above what was paid is refused with nothing written. A gift card payment also spends the card
 * ({@link GiftCards}), which cannot go below zero.
 */
@Service
public class Payments {

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final GiftCards giftCards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Payments(JdbcClient jdbc, Invoices invoices, GiftCards giftCards, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.giftCards = giftCards;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Payment record(RecordPayment command, String recordedBy) {
        boolean exists = jdbc.sql("select 1 from billing_invoice where id = :id for update")
                .param("id", command.invoiceId()).query(Integer.class).optional().isPresent();
        if (!exists) {
            throw BillingFailure.notFound("unknownInvoice");
        }
        Invoice invoice = invoices.get(command.invoiceId());
        Money limit = command.kind() == Payment.Kind.PAYMENT ? invoice.balance() : invoice.paid();
        if (command.amount().compareTo(limit) > 0) {
            throw BillingFailure.unprocessable(command.kind() == Payment.Kind.PAYMENT ? "overBalance" : "overPaid",
                    limit);
        }
        Payment payment = new Payment(UUID.randomUUID(), invoice.id(), command.kind(), command.method(),
                command.amount(), command.note(), recordedBy, clock.instant());
        jdbc.sql("""
                insert into billing_payment (id, invoice_id, kind, method, amount, note, recorded_by, at)
                values (:id, :invoice, :kind, :method, :amount, :note, :by, :at)""")
                .param("id", payment.id()).param("invoice", payment.invoiceId()).param("kind", payment.kind().name())
                .param("method", payment.method().name()).param("amount", payment.amount().amount())
                .param("note", payment.note()).param("by", recordedBy).param("at", ts(payment.at())).update();
        if (payment.method() == Payment.Method.GIFT_CARD) {
            giftCards.redeem(command.giftCardCode(), payment.amount(), payment.id());
        }
        events.publishEvent(new PaymentRecorded(payment.id(), invoice.id(), invoice.patientId(), payment.kind(),
                payment.amount()));
        return payment;
    }
}
