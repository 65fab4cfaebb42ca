package clinic.relief.insurance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import clinic.relief.shared.Money;

/**
 * Builds a claim's lines from the minutes spent per code: units by the {@link EightMinuteRule} across the timed
 * codes, one unit for an untimed code, the visit's charge shared by units (the last line takes the rounding cent),
 * and pointers to the first four diagnoses. Refuses 97124 with 97140 on one claim unless the clinic allows it. Pure.
 */
final class ClaimLines {

    private ClaimLines() {}

    static List<ClaimLine> build(Map<Cpt, Integer> minutesByCode, Money charge, int diagnoses, boolean allowMix) {
        if (!allowMix
                && minutesByCode.getOrDefault(Cpt.MASSAGE, 0) > 0
                && minutesByCode.getOrDefault(Cpt.MANUAL_THERAPY, 0) > 0) {
            throw new InvalidCode("massageWithManualTherapy", "97124+97140", "97140");
        }
        Map<Cpt, Integer> timed = new LinkedHashMap<>();
        minutesByCode.forEach((code, minutes) -> {
            if (minutes < 0) {
                throw new IllegalArgumentException("Minutes must not be negative");
            }
            if (code.timed()) {
                timed.put(code, minutes);
            }
        });
        Map<Cpt, Integer> units = new LinkedHashMap<>(EightMinuteRule.units(timed));
        minutesByCode.keySet().stream().filter(c -> !c.timed()).forEach(c -> units.put(c, 1));
        units.values().removeIf(u -> u == 0);
        if (units.isEmpty()) {
            return List.of();
        }
        return lines(units, minutesByCode, charge, pointers(diagnoses));
    }

    private static List<ClaimLine> lines(
            Map<Cpt, Integer> units, Map<Cpt, Integer> minutes, Money charge, List<Integer> pointers) {
        int totalUnits = units.values().stream().mapToInt(Integer::intValue).sum();
        List<ClaimLine> lines = new ArrayList<>();
        Money left = charge;
        int index = 0;
        for (Map.Entry<Cpt, Integer> entry : units.entrySet()) {
            index++;
            Money lineCharge = index == units.size()
                    ? left
                    : charge.times(BigDecimal.valueOf(entry.getValue())
                            .divide(BigDecimal.valueOf(totalUnits), 6, Money.ROUNDING));
            left = left.minus(lineCharge);
            lines.add(
                    new ClaimLine(entry.getKey(), minutes.get(entry.getKey()), entry.getValue(), lineCharge, pointers));
        }
        return lines;
    }

    private static List<Integer> pointers(int diagnoses) {
        return IntStream.rangeClosed(1, Math.min(4, Math.max(1, diagnoses)))
                .boxed()
                .toList();
    }
}
