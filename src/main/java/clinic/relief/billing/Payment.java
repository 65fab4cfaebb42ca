package clinic.relief.billing;

import java.time.Instant;
import java.util.List;
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

    /** How the money was taken: at the desk, or ({@code CARD_ON_FILE}) charged through Stripe by the payments module. */
    public enum Method {
        CARD_TERMINAL,
        CASH,
        CHECK,
        HSA_FSA,
        GIFT_CARD,
        CARD_ON_FILE;

        /** The methods the desk records by hand: a card-on-file payment is only ever recorded from what Stripe did. */
        public static List<Method> atDesk() {
            return List.of(CARD_TERMINAL, CASH, CHECK, HSA_FSA, GIFT_CARD);
        }
    }

    public Money signedAmount() {
        return kind == Kind.PAYMENT ? amount : amount.negate();
    }
}
