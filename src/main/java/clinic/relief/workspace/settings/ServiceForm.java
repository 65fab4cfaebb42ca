package clinic.relief.workspace.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import clinic.relief.clinic.CatalogueEntry;
import clinic.relief.clinic.ServiceEdit;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The owner's form for a service: names and summaries in both languages, whether it is featured, and rows of session
 * length and price ({@code minutes[i]} goes with {@code prices[i]}; a row left empty is ignored). {@code version} is
 * the one the form was filled from; {@code id} is asked only when a service is added.
 */
record ServiceForm(
        @Nullable String id,
        @Nullable String nameEn,
        @Nullable String nameEs,
        @Nullable String summaryEn,
        @Nullable String summaryEs,
        @Nullable Boolean focus,
        @Nullable List<String> minutes,
        @Nullable List<String> prices,
        @Nullable Integer version) {

    /** Empty rows offered below the service's lengths, to add one. */
    static final int SPARE_ROWS = 2;

    private static final Pattern MINUTES = Pattern.compile("[0-9]{1,4}");
    private static final Pattern PRICE = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");
    private static final Pattern NEGATIVE = Pattern.compile("-[0-9.]{1,12}");

    static ServiceForm of(CatalogueEntry entry) {
        List<String> minutes = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        entry.service().pricesByLength().forEach((length, price) -> {
            minutes.add(String.valueOf(length));
            prices.add(price.toPlainString());
        });
        Map<String, String> names = entry.service().names();
        Map<String, String> summaries = entry.service().summaries();
        return new ServiceForm(
                entry.id(),
                names.getOrDefault("en", ""),
                names.getOrDefault("es", ""),
                summaries.getOrDefault("en", ""),
                summaries.getOrDefault("es", ""),
                entry.service().focus(),
                minutes,
                prices,
                entry.version());
    }

    static ServiceForm blank() {
        return new ServiceForm("", "", "", "", "", false, List.of(), List.of(), 0);
    }

    /** The length and price rows to show: the form's own, then {@link #SPARE_ROWS} empty ones. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        int filled = Math.max(list(minutes).size(), list(prices).size());
        for (int i = 0; i < filled + SPARE_ROWS; i++) {
            rows.add(List.of(at(minutes, i), at(prices, i)));
        }
        return rows;
    }

    public boolean featured() {
        return Boolean.TRUE.equals(focus);
    }

    /**
     * The edit these values make, or empty after rejecting each bad field in {@code errors} (with the message key
     * that says what is wrong).
     */
    Optional<ServiceEdit> edit(Errors errors) {
        Map<Integer, BigDecimal> lengths = new TreeMap<>();
        List<String> priceProblems = new ArrayList<>();
        int rows = Math.max(list(minutes).size(), list(prices).size());
        for (int i = 0; i < rows; i++) {
            String length = at(minutes, i).strip();
            String price = at(prices, i).strip();
            if (length.isEmpty() && price.isEmpty()) {
                continue;
            }
            if (length.isEmpty() || price.isEmpty()) {
                priceProblems.add("clinic.service.error.pair");
            } else if (!MINUTES.matcher(length).matches()) {
                priceProblems.add("clinic.service.error.length");
            } else if (NEGATIVE.matcher(price).matches()) {
                priceProblems.add("clinic.service.error.negative");
            } else if (!PRICE.matcher(price).matches()) {
                priceProblems.add("clinic.service.error.price");
            } else if (lengths.put(Integer.valueOf(length), new BigDecimal(price)) != null) {
                priceProblems.add("clinic.service.error.duplicateLength");
            }
        }
        List<ServiceEdit.Problem> problems = new ArrayList<>();
        priceProblems.stream().distinct().forEach(key -> problems.add(new ServiceEdit.Problem("prices", key)));
        problems.addAll(ServiceEdit.problems(text(nameEn), text(nameEs), text(summaryEn), text(summaryEs), lengths));
        problems.stream()
                .distinct()
                .filter(p -> !errors.hasFieldErrors(p.field()))
                .forEach(p -> errors.rejectValue(p.field(), p.key()));
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceEdit(
                text(nameEn), text(nameEs), text(summaryEn), text(summaryEs), featured(), new TreeMap<>(lengths)));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String at(@Nullable List<String> values, int i) {
        List<String> all = list(values);
        return i < all.size() && all.get(i) != null ? all.get(i) : "";
    }
}
