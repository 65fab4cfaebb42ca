package clinic.relief.insurance;

import java.util.Locale;

/**
 * Writes X12 segments with '*' between elements, ':' between components and '~' plus a line break after each
 * segment, and counts the segments of the current transaction set. Values are upper-cased and cleared of the
 * separator characters so that no text can break the file's structure.
 */
final class X12Segments {

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

    static String text(String value) {
        return value == null
                ? ""
                : value.toUpperCase(Locale.ROOT).replaceAll("[*~:^\\r\\n]", " ").strip();
    }

    static String composite(String... components) {
        return String.join(":", components);
    }
}
