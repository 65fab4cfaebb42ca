package clinic.relief.clinic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the owner sets for a service: its names and summaries in English and Spanish, whether the site features it,
 * and its list price per session length in minutes. The record checks itself ({@link #problems}) and refuses to exist
 * with any problem ({@link ServiceRefused}), so nothing half-valid reaches the menu.
 */
public record ServiceEdit(
        String nameEn,
        String nameEs,
        String summaryEn,
        String summaryEs,
        boolean focus,
        SortedMap<Integer, BigDecimal> prices) {

    public static final int MAX_NAME = 120;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_LENGTHS = 6;
    public static final int SHORTEST = 10;
    public static final int LONGEST = 480;
    public static final BigDecimal MAX_PRICE = new BigDecimal("100000");

    /** One thing wrong with a field: the form field's name and the message key that says what. */
    public record Problem(String field, String key) {}

    public ServiceEdit {
        prices = new TreeMap<>(prices);
        List<Problem> problems = problems(nameEn, nameEs, summaryEn, summaryEs, prices);
        if (!problems.isEmpty()) {
            throw new ServiceRefused(problems);
        }
        nameEn = nameEn.strip();
        nameEs = nameEs.strip();
        summaryEn = summaryEn.strip();
        summaryEs = summaryEs.strip();
    }

    /** The profile's service as an edit (how the menu is seeded). */
    static ServiceEdit of(ClinicProfile.Service service) {
        return new ServiceEdit(
                service.names().getOrDefault("en", service.name(Locale.ENGLISH)),
                service.names().getOrDefault("es", service.name(Locale.ENGLISH)),
                service.summaries().getOrDefault("en", ""),
                service.summaries().getOrDefault("es", ""),
                service.focus(),
                service.pricesByLength());
    }

    /** Everything wrong with these values, empty when they make a valid service. */
    public static List<Problem> problems(
            String nameEn, String nameEs, String summaryEn, String summaryEs, Map<Integer, BigDecimal> prices) {
        List<Problem> problems = new ArrayList<>();
        name("nameEn", nameEn, problems);
        name("nameEs", nameEs, problems);
        summary("summaryEn", summaryEn, problems);
        summary("summaryEs", summaryEs, problems);
        if (prices.isEmpty()) {
            problems.add(new Problem("prices", "clinic.service.error.noPrice"));
        } else if (prices.size() > MAX_LENGTHS) {
            problems.add(new Problem("prices", "clinic.service.error.tooManyLengths"));
        }
        prices.forEach((minutes, price) -> {
            if (minutes < SHORTEST || minutes > LONGEST || minutes % 5 != 0) {
                problems.add(new Problem("prices", "clinic.service.error.length"));
            } else if (price.signum() < 0) {
                problems.add(new Problem("prices", "clinic.service.error.negative"));
            } else if (price.compareTo(MAX_PRICE) > 0 || Math.max(price.scale(), 0) > 2) {
                problems.add(new Problem("prices", "clinic.service.error.price"));
            }
        });
        return problems.stream().distinct().toList();
    }

    private static void name(String field, String value, List<Problem> problems) {
        if (value.isBlank()) {
            problems.add(new Problem(field, "clinic.service.error.required"));
        } else {
            text(field, value, MAX_NAME, problems);
        }
    }

    private static void summary(String field, String value, List<Problem> problems) {
        text(field, value, MAX_SUMMARY, problems);
    }

    private static void text(String field, String value, int max, List<Problem> problems) {
        if (value.strip().length() > max) {
            problems.add(new Problem(field, "clinic.service.error.tooLong"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(new Problem(field, "clinic.service.error.control"));
        }
    }
}
