package clinic.relief.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of US dollars, always held to the cent. Arithmetic that can produce fractions of a cent
 * ({@link #percent}, {@link #times(BigDecimal)}) rounds half-up once, at that step, so every line of a quote or an
 * invoice is already a payable amount and lines add up to their total. Amounts may be negative (credits,
 * adjustments); callers that must not accept one use {@link #requireNotNegative}.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Currency USD = Currency.getInstance("USD");
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /** The most digits before the point: far above any real amount, small enough that arithmetic stays cheap. */
    public static final int MAX_WHOLE_DIGITS = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        // Checked before any rounding: setScale on 1E+3000000 would first write out three million digits.
        if (amount.precision() - amount.scale() > MAX_WHOLE_DIGITS) {
            throw new IllegalArgumentException("Money has at most " + MAX_WHOLE_DIGITS + " digits before the point");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("Money is held to the cent, not " + amount);
        }
        amount = amount.setScale(2, ROUNDING);
    }

    /** Parses "12", "12.5" or "12.50"; more than two decimals is refused rather than rounded away. */
    public static Money of(String amount) {
        if (amount.length() > 2 * MAX_WHOLE_DIGITS) {
            throw new IllegalArgumentException("Not an amount of money: too long");
        }
        return new Money(new BigDecimal(amount));
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** Multiplies and rounds half-up to the cent. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor).setScale(2, ROUNDING));
    }

    /** {@code percent} of this amount (20 for 20 %), rounded half-up to the cent. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, ROUNDING));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    public Money requireNotNegative(String what) {
        if (isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + amount);
        }
        return this;
    }

    /** "$1,234.50" in English, "1.234,50 US$" or similar in Spanish: the locale's own way of writing dollars. */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(USD);
        return format.format(amount);
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** The plain decimal with two places ("12.50"), as files such as X12 and CSV want it. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
