package clinic.relief.billing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the quotes stored with booked appointments ({@code billing_quote} and its lines). A booking's quote is
 * written in the statement that opens its invoice ({@link InvoiceStore#insertQuoted}).
 */
@Repository
class QuoteStore {

    private final JdbcClient jdbc;

    QuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasLine(UUID appointmentId, Line.Kind kind) {
        return jdbc.sql("select exists (select from billing_quote_line where appointment_id = :a and kind = :kind)")
                .param("a", appointmentId)
                .param("kind", kind.name())
                .query(Boolean.class)
                .single();
    }

    Optional<Quote> find(UUID appointmentId) {
        List<Line> lines =
                jdbc.sql("""
                select kind, amount, code, args from billing_quote_line where appointment_id = :a order by position""").param("a", appointmentId).query(LineJson::line).list();
        return jdbc.sql("select service_id, minutes, total, uses_credit from billing_quote where appointment_id = :a")
                .param("a", appointmentId)
                .query((rs, n) -> new Quote(
                        rs.getString(1), rs.getInt(2), lines, Money.of(rs.getBigDecimal(3)), rs.getBoolean(4)))
                .optional();
    }
}
