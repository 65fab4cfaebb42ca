package clinic.relief.billing;

import java.util.List;
import java.util.Objects;

import clinic.relief.shared.Money;

/**
 * The price of one appointment, line by line. {@code total} is what the patient is expected to pay (never below
 * zero); {@code usesCredit} says whether a membership credit pays for it.
 */
public record Quote(String serviceId, int minutes, List<Line> lines, Money total, boolean usesCredit) {

    public Quote {
        Objects.requireNonNull(serviceId, "serviceId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total").requireNotNegative("A quote's total");
    }

    public Money listPrice() {
        return lines.stream()
                .filter(line -> line.kind() == Line.Kind.LIST_PRICE)
                .map(Line::amount)
                .findFirst()
                .orElse(Money.ZERO);
    }

    public Money amountOf(Line.Kind kind) {
        return lines.stream()
                .filter(line -> line.kind() == kind)
                .map(Line::amount)
                .reduce(Money.ZERO, Money::plus);
    }
}
