package clinic.relief.billing;

import java.time.Instant;
import java.util.UUID;

import clinic.relief.shared.Money;

/** A payment taken at the desk, or a refund, against one invoice. {@code amount} is always positive. */
public record Payment(
        UUID id, UUID invoiceId, Kind kind, Method method, Money amount, String note, String recordedBy, Instant at) {

    /** A payment or a refund. */
    public enum Kind {
        PAYMENT,
        REFUND
    }

    /** How the desk took the money: online card payment does not exist yet. */
    public enum Method {
        CARD_TERMINAL,
        CASH,
        CHECK,
        HSA_FSA,
        GIFT_CARD
    }

    public Money signedAmount() {
        return kind == Kind.PAYMENT ? amount : amount.negate();
    }
}
