package clinic.relief.insurance;

import java.util.List;
import java.util.Objects;

import clinic.relief.shared.Money;

/** One service line: CPT code, minutes spent, units billed, charge, and up to four diagnosis pointers (1-12). */
public record ClaimLine(Cpt cpt, int minutes, int units, Money charge, List<Integer> pointers) {

    public ClaimLine {
        Objects.requireNonNull(cpt, "cpt");
        charge.requireNotNegative("A line charge");
        pointers = List.copyOf(pointers);
        if (units < 1 || pointers.size() > 4 || pointers.stream().anyMatch(p -> p < 1 || p > 12)) {
            throw new IllegalArgumentException("A line has at least one unit and up to four pointers 1-12");
        }
    }

    /** Pointers as letters for the CMS-1500 (box 24E): "AB". */
    public String pointerLetters() {
        StringBuilder letters = new StringBuilder();
        pointers.forEach(p -> letters.append((char) ('A' + p - 1)));
        return letters.toString();
    }
}
