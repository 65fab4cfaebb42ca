package clinic.relief.workspace.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import clinic.relief.booking.fees.FeePolicyRefused;
import clinic.relief.booking.fees.FeeRules;
import org.jspecify.annotations.Nullable;

/**
 * The owner's form for the fee policy: one row per service ({@code serviceIds[i]} goes with {@code cancelHours[i]},
 * {@code lateCancel[i]} and {@code noShow[i]}), and the version of the policy it was filled from.
 */
record FeeForm(
        @Nullable List<String> serviceIds,
        @Nullable List<String> cancelHours,
        @Nullable List<String> lateCancel,
        @Nullable List<String> noShow,
        @Nullable Integer version) {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");

    /** What the form's values make: the rules, or every problem by service and field (message keys). */
    record Outcome(List<FeeRules> rules, Map<String, Map<String, String>> problems) {

        boolean refused() {
            return !problems.isEmpty();
        }
    }

    /** Whether every row names a service of {@code known}, each once, and every list has a value per row. */
    boolean complete(Set<String> known) {
        List<String> ids = list(serviceIds);
        return version != null
                && !ids.isEmpty()
                && ids.stream().allMatch(known::contains)
                && ids.stream().distinct().count() == ids.size()
                && list(cancelHours).size() == ids.size()
                && list(lateCancel).size() == ids.size()
                && list(noShow).size() == ids.size();
    }

    Outcome outcome() {
        List<FeeRules> rules = new ArrayList<>();
        Map<String, Map<String, String>> problems = new LinkedHashMap<>();
        List<String> ids = list(serviceIds);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Map<String, String> rowProblems = new LinkedHashMap<>();
            int hours = number("cancelHours", list(cancelHours).get(i), rowProblems);
            int late = number("lateCancel", list(lateCancel).get(i), rowProblems);
            int missed = number("noShow", list(noShow).get(i), rowProblems);
            if (rowProblems.isEmpty()) {
                try {
                    rules.add(new FeeRules(id, hours, late, missed));
                } catch (FeePolicyRefused refused) {
                    refused.problems().forEach(p -> rowProblems.put(p.field(), p.key()));
                }
            }
            if (!rowProblems.isEmpty()) {
                problems.put(id, rowProblems);
            }
        }
        return new Outcome(rules, problems);
    }

    /** The value typed for {@code field} in row {@code id}, to show again. */
    String value(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static int number(String field, @Nullable String typed, Map<String, String> problems) {
        String value = typed == null ? "" : typed.strip();
        if (!NUMBER.matcher(value).matches()) {
            problems.put(field, "booking.fees.error.number");
            return 0;
        }
        return Integer.parseInt(value);
    }

    static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
