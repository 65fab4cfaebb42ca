package clinic.relief.payments;

import java.util.UUID;

import clinic.relief.billing.spi.ChargesUnderWay;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;

/** The desk checkout's card attempt waiting for Stripe's answer, for billing to count against the balance. */
@Component
class CheckoutChargesUnderWay implements ChargesUnderWay {

    private final DeskCheckoutStore store;

    CheckoutChargesUnderWay(DeskCheckoutStore store) {
        this.store = store;
    }

    @Override
    public Money of(UUID invoiceId) {
        return store.underWay(invoiceId);
    }
}
