package clinic.relief.billing.spi;

import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * Card charges of an invoice under way elsewhere (committed before the card processor is asked, its answer not yet
 * recorded on the invoice), implemented by the payments module. Billing counts them against the balance under the
 * invoice's lock, so a payment recorded meanwhile cannot take the same money a second time.
 */
public interface ChargesUnderWay {

    /** What is being charged to a card for this invoice and is not recorded on it yet (zero when nothing is). */
    Money of(UUID invoiceId);
}
