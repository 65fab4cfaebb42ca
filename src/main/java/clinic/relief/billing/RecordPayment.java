package clinic.relief.billing;

import java.util.Objects;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * A payment or refund the desk records against an invoice. The amount must be positive (a refund is a kind, not a
 * negative amount); {@code note} holds a check number or terminal reference, never card data; {@code giftCardCode}
 * names the gift card a {@code GIFT_CARD} payment spends (gift card payments cannot be refunded to the card yet).
 */
public record RecordPayment(
        UUID invoiceId, Payment.Kind kind, Payment.Method method, Money amount, String note, String giftCardCode) {

    public RecordPayment(UUID invoiceId, Payment.Kind kind, Payment.Method method, Money amount, String note) {
        this(invoiceId, kind, method, amount, note, null);
    }

    public RecordPayment {
        Objects.requireNonNull(invoiceId, "invoiceId");
        if (kind == null || method == null || amount == null) {
            throw BillingFailure.unprocessable("paymentIncomplete");
        }
        if (!amount.isPositive()) {
            throw BillingFailure.unprocessable("amountNotPositive", amount.toString());
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > 100) {
            throw BillingFailure.unprocessable("noteTooLong");
        }
        giftCardCode = giftCardCode == null || giftCardCode.isBlank() ? null : giftCardCode.strip();
        if (method == Payment.Method.GIFT_CARD && kind == Payment.Kind.REFUND) {
            throw BillingFailure.unprocessable("giftCardRefund");
        }
        if (method == Payment.Method.GIFT_CARD && (giftCardCode == null || giftCardCode.length() > 40)) {
            throw BillingFailure.unprocessable("unknownGiftCard");
        }
    }
}
