package clinic.relief.insurance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units for timed codes by the CMS 8-minute rule: the minutes of all timed codes on the date of service are added
 * up and turned into 15-minute units (8-22 minutes = 1, 23-37 = 2, 38-52 = 3 ...; under 8 minutes nothing). Each
 * code first gets its whole 15-minute units; the units left over go to the codes with the most minutes left, ties
 * to the code with more minutes overall. Pure and thread-safe.
 */
public final class EightMinuteRule {

    private EightMinuteRule() {}

    /** Units for a total of timed minutes. */
    public static int units(int totalMinutes) {
        if (totalMinutes < 0) {
            throw new IllegalArgumentException("Minutes must not be negative: " + totalMinutes);
        }
        return totalMinutes / 15 + (totalMinutes % 15 >= 8 ? 1 : 0);
    }

    /** Units per code for the minutes spent on each, in the order given; codes that earn nothing get 0. */
    public static Map<Cpt, Integer> units(Map<Cpt, Integer> minutesByCode) {
        int total = minutesByCode.values().stream().mapToInt(Integer::intValue).sum();
        Map<Cpt, Integer> units = new LinkedHashMap<>();
        minutesByCode.forEach((code, minutes) -> units.put(code, minutes / 15));
        int left = units(total)
                - units.values().stream().mapToInt(Integer::intValue).sum();
        List<Cpt> byRemainder = new ArrayList<>(minutesByCode.keySet());
        byRemainder.sort(Comparator.<Cpt>comparingInt(c -> minutesByCode.get(c) % 15)
                .thenComparingInt(minutesByCode::get)
                .reversed());
        for (int i = 0; i < left; i++) {
            units.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return units;
    }
}
