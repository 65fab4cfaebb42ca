package clinic.relief.payments;

import java.util.UUID;

import clinic.relief.billing.spi.ChargesUnderWay;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Every card charge of an invoice waiting for Stripe's answer, whoever started it (the desk checkout, a fee, a
 * membership month), for billing to count against the balance under the invoice's lock ({@link InvoiceCharges}).
 */
@Component
class CardChargesUnderWay implements ChargesUnderWay {

    private final CardChargeStore store;

    CardChargesUnderWay(CardChargeStore store) {
        this.store = store;
    }

    @Override
    public Money of(UUID invoiceId) {
        return store.underWay(invoiceId);
    }
}
