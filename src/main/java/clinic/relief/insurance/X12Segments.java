package clinic.relief.insurance;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes X12 segments with '*' between elements, ':' between components and '~' plus a line break after each
 * segment, and counts the segments of the current transaction set. Text values are written in the X12 basic
 * character set ({@link #text}), so that no text can break the file's structure or reach a payer as {@code ?}.
 */
final class X12Segments {

    /** Combining marks left by decomposition (the accent of É, the tilde of Ñ). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** The basic character set's letters, digits, space and specials, less the separators and {@code ?}. */
    private static final Pattern OUTSIDE_BASIC = Pattern.compile("[^A-Z0-9 !\"&'()+,\\-./;=]");

    private static final Map<String, String> SPELLING = Map.ofEntries(
            Map.entry("ß", "SS"),
            Map.entry("Æ", "AE"),
            Map.entry("æ", "AE"),
            Map.entry("Œ", "OE"),
            Map.entry("œ", "OE"),
            Map.entry("Ø", "O"),
            Map.entry("ø", "O"),
            Map.entry("Ł", "L"),
            Map.entry("ł", "L"),
            Map.entry("Đ", "D"),
            Map.entry("đ", "D"),
            Map.entry("Þ", "TH"),
            Map.entry("þ", "TH"),
            Map.entry("ı", "I"),
            Map.entry("’", "'"),
            Map.entry("‘", "'"));

    private static final Pattern SPELT_OUT = Pattern.compile("[ßÆæŒœØøŁłĐđÞþı’‘]");

    private final StringBuilder out;
    private int inTransaction;

    X12Segments(StringBuilder out) {
        this.out = out;
    }

    X12Segments add(String id, String... elements) {
        int last = elements.length;
        while (last > 0 && (elements[last - 1] == null || elements[last - 1].isEmpty())) {
            last--;
        }
        out.append(id);
        for (int i = 0; i < last; i++) {
            out.append('*').append(elements[i] == null ? "" : elements[i]);
        }
        out.append("~\n");
        inTransaction++;
        return this;
    }

    /** Starts counting for a new transaction set (call before ST). */
    void startTransaction() {
        inTransaction = 0;
    }

    /** Segments written since {@link #startTransaction}, SE included once it is written. */
    int transactionSegments() {
        return inTransaction;
    }

    /**
     * The value in the X12 basic character set: accents and other marks taken off (NÚÑEZ becomes NUNEZ), letters with
     * no decomposition spelt out (ß becomes SS, Ø becomes O), upper case, and every other character (the separators,
     * {@code #}, {@code @}, letters of other scripts) turned into a space; runs of spaces become one.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String plain = SPELT_OUT
                .matcher(Normalizer.normalize(value, Normalizer.Form.NFKD))
                .replaceAll(match -> SPELLING.get(match.group()));
        String upper = MARKS.matcher(plain).replaceAll("").toUpperCase(Locale.ROOT);
        return OUTSIDE_BASIC
                .matcher(upper)
                .replaceAll(" ")
                .replaceAll(" {2,}", " ")
                .strip();
    }

    static String composite(String... components) {
        return String.join(":", components);
    }
}
