package clinic.relief.billing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Lines written as the rows of one {@code values} list, so that an invoice's or a quote's lines cost one statement.
 * Each line's kind, amount, code and arguments are parameters named with the line's index ({@code :kind0},
 * {@code :amount0}, …).
 */
final class LineRows {

    private LineRows() {
    }

    /**
     * {@code count} rows, each {@code (before :kindN, :amountN, :codeN, :argsN after)}; every {@code {i}} in
     * {@code before} and {@code after} becomes the row's index.
     */
    static String values(int count, String before, String after) {
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            String row = "(" + before + ":kind{i}, :amount{i}, :code{i}, :args{i}" + after + ")";
            rows.add(row.replace("{i}", Integer.toString(i)));
        }
        return rows.toString();
    }

    /** The parameters {@link #values} names for these lines. */
    static Map<String, Object> params(List<Line> lines) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            params.put("kind" + i, line.kind().name());
            params.put("amount" + i, line.amount().amount());
            params.put("code" + i, line.code());
            params.put("args" + i, line.encodedArgs());
        }
        return params;
    }
}
