package clinic.relief.billing;

import java.util.Locale;

import clinic.relief.shared.Money;

/**
 * One argument of a line's message: plain text, an amount (written in the reader's language when shown) or a
 * number. Stored as a short tagged string ({@code t:}, {@code m:}, {@code n:}) so a stored line renders later in
 * either language.
 */
public sealed interface LineArg {

    /** The argument as it goes into the message for {@code locale}. */
    Object render(Locale locale);

    String encode();

    static LineArg text(String text) {
        return new Text(text);
    }

    static LineArg amount(Money amount) {
        return new Amount(amount);
    }

    static LineArg number(Number number) {
        return new Num(number instanceof java.math.BigDecimal decimal
                ? decimal.stripTrailingZeros().toPlainString() : number.toString());
    }

    static LineArg decode(String encoded) {
        String value = encoded.substring(2);
        return switch (encoded.substring(0, 2)) {
            case "t:" -> new Text(value);
            case "m:" -> new Amount(Money.of(value));
            case "n:" -> new Num(value);
            default -> throw new IllegalArgumentException("Unknown line argument: " + encoded);
        };
    }

    record Text(String text) implements LineArg {
        public Object render(Locale locale) {
            return text;
        }

        public String encode() {
            return "t:" + text;
        }
    }

    record Amount(Money amount) implements LineArg {
        public Object render(Locale locale) {
            return amount.format(locale);
        }

        public String encode() {
            return "m:" + amount;
        }
    }

    record Num(String number) implements LineArg {
        public Object render(Locale locale) {
            return number;
        }

        public String encode() {
            return "n:" + number;
        }
    }
}
