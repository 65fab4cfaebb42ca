package clinic.relief.payments;

import java.util.Locale;

import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payments;
import clinic.relief.mail.Mail;
import clinic.relief.staff.Staff;
import com.stripe.model.Dispute;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A card dispute (chargeback) Stripe reports: the invoice its payment went to is flagged (shown on the invoice page)
 * and each owner gets an e-mail naming the invoice number, the amount and Stripe's reason, nothing about the patient
 * or the visit. A dispute reported again flags and tells nothing more.
 */
@Component
class Disputes {

    private final Payments payments;
    private final Invoices invoices;
    private final Staff staff;
    private final Mail mail;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    Disputes(
            Payments payments,
            Invoices invoices,
            Staff staff,
            Mail mail,
            MessageSource messages,
            TransactionTemplate tx) {
        this.payments = payments;
        this.invoices = invoices;
        this.staff = staff;
        this.mail = mail;
        this.messages = messages;
        this.tx = tx;
    }

    void created(Dispute dispute) {
        if (dispute.getPaymentIntent() == null) {
            return;
        }
        String reason = dispute.getReason() == null ? "general" : dispute.getReason();
        tx.executeWithoutResult(status -> payments.flagDispute(
                        dispute.getPaymentIntent(), dispute.getId(), StripeGateway.money(dispute.getAmount()), reason)
                .ifPresent(invoiceId -> {
                    long number = invoices.get(invoiceId).number();
                    String amount = StripeGateway.money(dispute.getAmount()).format(Locale.ENGLISH);
                    String subject = messages.getMessage(
                            "payments.dispute.mail.subject", new Object[] {String.valueOf(number)}, Locale.ENGLISH);
                    String body = messages.getMessage(
                            "payments.dispute.mail.body",
                            new Object[] {String.valueOf(number), amount, reason, "/staff/billing/invoices/" + invoiceId
                            },
                            Locale.ENGLISH);
                    staff.owners().forEach(owner -> mail.queue("PAYMENTS_DISPUTE", owner.email(), subject, body));
                }));
    }
}
