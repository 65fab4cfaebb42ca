package clinic.relief.payments;

import java.util.List;
import java.util.UUID;

import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payment;
import clinic.relief.billing.PaymentRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An invoice paid another way (cash, the terminal, a check at the desk) while a card payment of it waits for the
 * patient's bank: once less is owed than that payment would take, its PaymentIntent is cancelled at Stripe, so the
 * e-mailed link can no longer charge, and the link then says the invoice is paid. Idempotent: one key per
 * PaymentIntent, and Stripe's refusal to cancel an intent already cancelled reads as cancelled. If the patient had
 * paid meanwhile, that payment is recorded once; if Stripe does not answer, nothing changes (the link's claim still
 * refuses to pay more than is owed) and the next payment recorded on the invoice tries again.
 */
@Component
class PaidOtherwise {

    private static final Logger LOG = LoggerFactory.getLogger(PaidOtherwise.class);

    private final List<AuthenticationSubject> subjects;
    private final Invoices invoices;
    private final StripeGateway stripe;

    PaidOtherwise(List<AuthenticationSubject> subjects, Invoices invoices, StripeGateway stripe) {
        this.subjects = subjects;
        this.invoices = invoices;
        this.stripe = stripe;
    }

    @ApplicationModuleListener
    void on(PaymentRecorded recorded) {
        if (recorded.kind() == Payment.Kind.PAYMENT && stripe.enabled()) {
            cancelUnpayable(recorded.invoiceId());
        }
    }

    /** Cancels every payment of the invoice waiting for the patient that the balance no longer covers. */
    void cancelUnpayable(UUID invoiceId) {
        for (AuthenticationSubject subject : subjects) {
            for (AuthenticationSubject.Waiting waiting : subject.waitingOn(invoiceId)) {
                if (invoices.get(invoiceId).balance().compareTo(waiting.amount()) < 0) {
                    cancel(subject, waiting);
                }
            }
        }
    }

    private void cancel(AuthenticationSubject subject, AuthenticationSubject.Waiting waiting) {
        String intent = waiting.paymentIntentId();
        switch (stripe.cancel(intent, "cancel-" + intent)) {
            case CANCELLED -> subject.cancelled(waiting.subjectId(), intent);
            case SUCCEEDED -> subject.finish(waiting.subjectId());
            case UNKNOWN -> LOG.warn("Stripe did not cancel {} waiting for the patient; its link refuses it", intent);
        }
    }
}
