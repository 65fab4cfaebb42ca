package clinic.relief.billing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Lines written as the rows of one {@code values} list, so that an invoice's or a quote's lines cost one statement.
 * Each line's kind, amount, code and arguments are parameters named with a prefix and the line's index
 * ({@code :kind0}, {@code :amount0}, … with no prefix), so one statement can hold two lists.
 */
final class LineRows {

    private LineRows() {
    }

    /**
     * {@code count} rows, each {@code (before :{prefix}kindN, :{prefix}amountN, :{prefix}codeN, :{prefix}argsN after)};
     * every {@code {i}} in {@code before} and {@code after} becomes the row's index.
     */
    static String values(String prefix, int count, String before, String after) {
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            String row = "(" + before + ":%1$skind{i}, :%1$samount{i}, :%1$scode{i}, :%1$sargs{i}".formatted(prefix)
                    + after + ")";
            rows.add(row.replace("{i}", Integer.toString(i)));
        }
        return rows.toString();
    }

    /** The parameters {@link #values} names for these lines. */
    static Map<String, Object> params(String prefix, List<Line> lines) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            params.put(prefix + "kind" + i, line.kind().name());
            params.put(prefix + "amount" + i, line.amount().amount());
            params.put(prefix + "code" + i, line.code());
            params.put(prefix + "args" + i, line.encodedArgs());
        }
        return params;
    }
}
