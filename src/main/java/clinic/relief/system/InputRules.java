package clinic.relief.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What any value a request brings must satisfy before a feature sees it, whatever the field: text without control
 * characters (PostgreSQL refuses NUL; the others have no place in a name or a note) other than tab and line breaks,
 * and without broken surrogate pairs; dates and instants within years 1900 to 2199; decimal numbers of at most 20
 * digits with at most 10 after the point, so that no arithmetic runs on {@code 1E+3000000}. Each check throws
 * {@link Refused}, which names the message key that explains the rule.
 */
final class InputRules {

    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    private static final int MAX_PRECISION = 20;
    private static final int MAX_SCALE = 10;

    private InputRules() {}

    /** A value that breaks one of the rules; {@code messageKey} explains the rule, with {@code arguments}. */
    static class Refused extends IllegalArgumentException {

        private final String messageKey;
        private final Object[] arguments;

        Refused(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments.clone();
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments.clone();
        }
    }

    /** Checks a value of any type; types without a rule pass. */
    static void check(Object value) {
        if (value instanceof String text) {
            text(text);
        } else if (value instanceof LocalDate date) {
            date(date);
        } else if (value instanceof Instant instant) {
            instant(instant);
        } else if (value instanceof BigDecimal number) {
            number(number);
        }
    }

    static String text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            if (control || brokenSurrogate(text, i)) {
                throw new Refused("input.controlCharacters");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return text;
    }

    static LocalDate date(LocalDate date) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new Refused("input.dateOutOfRange", FIRST_DAY.toString(), LAST_DAY.toString());
        }
        return date;
    }

    static Instant instant(Instant instant) {
        if (instant.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                || instant.isAfter(LAST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new Refused("input.dateOutOfRange", FIRST_DAY.toString(), LAST_DAY.toString());
        }
        return instant;
    }

    static BigDecimal number(BigDecimal number) {
        if (number.precision() > MAX_PRECISION || number.scale() > MAX_SCALE || number.scale() < -MAX_PRECISION) {
            throw new Refused("input.numberOutOfRange", MAX_PRECISION, MAX_SCALE);
        }
        return number;
    }

    /** Parses a decimal number written in plain or scientific notation, checked before any arithmetic. */
    static BigDecimal number(String text) {
        if (text.strip().length() > 2 * MAX_PRECISION) {
            throw new Refused("input.numberOutOfRange", MAX_PRECISION, MAX_SCALE);
        }
        return number(new BigDecimal(text.strip()));
    }

    private static boolean brokenSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }
}
