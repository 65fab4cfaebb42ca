package clinic.relief.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import clinic.relief.shared.Money;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One argument of a line's message: plain text, an amount (written in the reader's language when shown), a number,
 * a name per language or a month. Stored as {@code jsonb} with its type ({@code {"type": "amount", "amount": 90.00}},
 * see {@link LineJson}) so a stored line renders later in either language.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LineArg.Text.class, name = "text"),
    @JsonSubTypes.Type(value = LineArg.Amount.class, name = "amount"),
    @JsonSubTypes.Type(value = LineArg.Num.class, name = "number"),
    @JsonSubTypes.Type(value = LineArg.Names.class, name = "names"),
    @JsonSubTypes.Type(value = LineArg.Month.class, name = "month")
})
public sealed interface LineArg {

    /** The argument as it goes into the message for {@code locale}. */
    Object render(Locale locale);

    static LineArg text(String text) {
        return new Text(text);
    }

    static LineArg amount(Money amount) {
        return new Amount(amount);
    }

    static LineArg number(Number number) {
        return new Num(
                number instanceof BigDecimal decimal
                        ? decimal.stripTrailingZeros().toPlainString()
                        : number.toString());
    }

    /** A name given per language ({@code en}, {@code es}, ...), such as a plan's; English when the reader's is missing. */
    static LineArg names(Map<String, String> names) {
        return new Names(new TreeMap<>(names));
    }

    static LineArg month(YearMonth month) {
        return new Month(month);
    }

    record Text(String text) implements LineArg {
        public Object render(Locale locale) {
            return text;
        }
    }

    record Amount(Money amount) implements LineArg {
        public Object render(Locale locale) {
            return amount.format(locale);
        }
    }

    record Names(SortedMap<String, String> names) implements LineArg {
        public Object render(Locale locale) {
            return names.getOrDefault(
                    locale.getLanguage(),
                    names.getOrDefault("en", names.values().iterator().next()));
        }
    }

    record Month(YearMonth month) implements LineArg {
        public Object render(Locale locale) {
            return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        }
    }

    record Num(String number) implements LineArg {
        public Object render(Locale locale) {
            return number;
        }
    }
}
