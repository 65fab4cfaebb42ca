package clinic.relief.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import clinic.relief.shared.Money;
import org.springframework.context.MessageSource;

/**
 * One line of a quote or an invoice: what it is, its amount (negative for a discount, a credit or what insurance
 * pays), and why, as a message code with arguments so the same stored line reads in English and in Spanish.
 */
public record Line(Kind kind, Money amount, String code, List<LineArg> args) {

    /** What a line is. */
    public enum Kind {
        LIST_PRICE,
        MEMBER_PRICE,
        MEMBERSHIP_CREDIT,
        INSURANCE,
        COPAY,
        DEDUCTIBLE,
        COINSURANCE,
        INSURANCE_CAP,
        FEE,
        GIFT_CARD,
        MEMBERSHIP_FEE,
        CANCELLED,
        PATIENT_SHARE,
        FREE_FOLLOW_UP,
        TIP
    }

    public Line {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Line of(Kind kind, Money amount, String code, LineArg... args) {
        return new Line(kind, amount, code, Arrays.asList(args));
    }

    /** The explanation in the reader's language. */
    public String text(MessageSource messages, Locale locale) {
        return messages.getMessage(
                code, args.stream().map(arg -> arg.render(locale)).toArray(), locale);
    }

    public static Money total(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus);
    }
}
