package clinic.relief.billing;

import java.util.EnumSet;
import java.util.Locale;

import clinic.relief.shared.Money;

/**
 * A gift card sold at the desk: the code printed on the card (blank: one is made up), the amount loaded, and how
 * the buyer paid (card terminal, cash or check). Codes are 6 to 20 letters, digits or dashes, kept in capitals.
 */
public record SellGiftCard(String code, Money amount, Payment.Method paidWith) {

    static final Money MAXIMUM = Money.of("2000");

    public SellGiftCard {
        code = code == null || code.isBlank() ? null : normalize(code);
        if (code != null && !code.matches("[A-Z0-9-]{6,20}")) {
            throw BillingFailure.unprocessable("badGiftCardCode");
        }
        if (amount == null || !amount.isPositive() || amount.compareTo(MAXIMUM) > 0) {
            throw BillingFailure.unprocessable("giftCardAmount", MAXIMUM);
        }
        if (paidWith == null
                || !EnumSet.of(Payment.Method.CARD_TERMINAL, Payment.Method.CASH, Payment.Method.CHECK)
                        .contains(paidWith)) {
            throw BillingFailure.unprocessable("giftCardPaidWith");
        }
    }

    static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
