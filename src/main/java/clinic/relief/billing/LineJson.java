package clinic.relief.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

import clinic.relief.shared.Money;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lines and their message arguments as {@code jsonb}: a line's {@code args} column holds its arguments
 * ({@code [{"type": "names", "names": {"en": "Relief Monthly", "es": "Relief Mensual"}}]}), and a list of lines goes
 * to a statement as one array of rows for {@code jsonb_to_recordset}. Amounts are JSON numbers. Its own mapper, so
 * the stored form does not change with the web API's JSON settings. Thread-safe.
 */
final class LineJson {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().addMixIn(Money.class, MoneyAsNumber.class).build();
    private static final ObjectWriter ARGS_WRITER = MAPPER.writerFor(new TypeReference<List<LineArg>>() {});
    private static final ObjectReader ARGS_READER = MAPPER.readerFor(new TypeReference<List<LineArg>>() {});

    private LineJson() {}

    /** One line as a row of {@link #rows}: its position in the list (from 0), then the line's columns. */
    record Row(int position, String kind, BigDecimal amount, String code, List<LineArg> args) {}

    /** The lines as a JSON array of {@link Row}s. */
    static String rows(List<Line> lines) {
        return MAPPER.writeValueAsString(IntStream.range(0, lines.size())
                .mapToObj(i -> {
                    Line line = lines.get(i);
                    return new Row(i, line.kind().name(), line.amount().amount(), line.code(), line.args());
                })
                .toList());
    }

    static String args(List<LineArg> args) {
        return ARGS_WRITER.writeValueAsString(args);
    }

    static List<LineArg> args(String json) {
        return ARGS_READER.readValue(json);
    }

    /** A line from a row with the columns {@code kind}, {@code amount}, {@code code} and {@code args}. */
    static Line line(ResultSet rs, int row) throws SQLException {
        return new Line(
                Line.Kind.valueOf(rs.getString("kind")),
                Money.of(rs.getBigDecimal("amount")),
                rs.getString("code"),
                args(rs.getString("args")));
    }

    /** Money as a plain JSON number ({@code 90.00}). */
    abstract static class MoneyAsNumber {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        MoneyAsNumber(BigDecimal amount) {}

        @JsonValue
        abstract BigDecimal amount();
    }
}
