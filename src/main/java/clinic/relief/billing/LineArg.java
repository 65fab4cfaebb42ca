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

    /** A name given per language ({@code en}, {@code es}, ...), such as a plan's; English when the reader's is missing. */
    static LineArg names(java.util.Map<String, String> names) {
        return new Names(new java.util.TreeMap<>(names));
    }

    static LineArg month(java.time.YearMonth month) {
        return new Month(month);
    }

    static LineArg decode(String encoded) {
        String value = encoded.substring(2);
        return switch (encoded.substring(0, 2)) {
            case "t:" -> new Text(value);
            case "m:" -> new Amount(Money.of(value));
            case "n:" -> new Num(value);
            case "y:" -> new Month(java.time.YearMonth.parse(value));
            case "l:" -> new Names(java.util.Arrays.stream(value.split("\u001f"))
                    .map(pair -> pair.split("=", 2))
                    .collect(java.util.stream.Collectors.toMap(pair -> pair[0], pair -> pair[1],
                            (a, b) -> a, java.util.TreeMap::new)));
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

    record Names(java.util.SortedMap<String, String> names) implements LineArg {
        public Object render(Locale locale) {
            return names.getOrDefault(locale.getLanguage(), names.getOrDefault("en", names.values().iterator().next()));
        }

        public String encode() {
            return "l:" + names.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("\u001f"));
        }
    }

    record Month(java.time.YearMonth month) implements LineArg {
        public Object render(Locale locale) {
            return java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        }

        public String encode() {
            return "y:" + month;
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
