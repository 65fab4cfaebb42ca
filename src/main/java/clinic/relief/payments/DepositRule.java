package clinic.relief.payments;

import java.math.BigDecimal;

import clinic.relief.shared.Money;

/** What a service asks for when booked online: nothing, a fixed deposit, or its full price (prepayment). */
public sealed interface DepositRule {

    /** Stripe's smallest charge in US dollars. */
    Money SMALLEST = Money.of("0.50");

    /** The amount asked for a session with the given list price. */
    Money amountFor(BigDecimal listPrice);

    /** No deposit: the booking is made at once, as without payments. */
    record None() implements DepositRule {
        @Override
        public Money amountFor(BigDecimal listPrice) {
            return Money.ZERO;
        }
    }

    /** A fixed deposit, at least Stripe's smallest charge. */
    record Fixed(Money amount) implements DepositRule {
        public Fixed {
            if (amount.compareTo(SMALLEST) < 0) {
                throw new IllegalArgumentException("A deposit is at least " + SMALLEST.amount());
            }
        }

        @Override
        public Money amountFor(BigDecimal listPrice) {
            return amount;
        }
    }

    /** The session's full list price, paid when booking. */
    record FullPrice() implements DepositRule {
        @Override
        public Money amountFor(BigDecimal listPrice) {
            return Money.of(listPrice);
        }
    }
}
