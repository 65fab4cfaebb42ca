package clinic.relief.billing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.billing.CreditLedger.ts;

/**
 * Invoices and their lines. A line with a reference is written at most once (a quote, a fee, a remittance line),
 * so replaying an event adds nothing. Lines are never changed or removed: a correction is another line.
 */
@Service
public class Invoices {

    /**
     * The appointment's invoice, opened if it has none yet (inserts race safely on the unique appointment id): the new
     * invoice's id, or (the insert did nothing) the one the appointment already has.
     */
    private static final String APPOINTMENT_INVOICE = """
            added as (
                insert into billing_invoice (id, patient_id, appointment_id, service_id, issued_at)
                values (:id, :patient, :appointment, :service, :at) on conflict (appointment_id) do nothing
                returning id),
            invoice as (
                select id from added
                union all
                select id from billing_invoice where appointment_id = :appointment and not exists (select from added))
            """;

    private static final String OF_APPOINTMENT = "with " + APPOINTMENT_INVOICE + "select id from invoice";

    /** {@link #addLines}' statement by the rows written alongside and the number of lines. */
    private final Map<Shape, String> withLines = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final Clock clock;

    Invoices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID open(UUID id, UUID patientId, UUID appointmentId, UUID membershipId, String serviceId) {
        jdbc.sql("""
                insert into billing_invoice (id, patient_id, appointment_id, membership_id, service_id, issued_at)
                values (:id, :patient, :appointment, :membership, :service, :at)""")
                .param("id", id).param("patient", patientId).param("appointment", appointmentId)
                .param("membership", membershipId).param("service", serviceId).param("at", ts(clock.instant()))
                .update();
        return id;
    }

    /** The appointment's invoice, opened if it has none yet, in one round trip. */
    UUID ofAppointment(UUID appointmentId, UUID patientId, String serviceId) {
        return appointmentInvoice(OF_APPOINTMENT, appointmentId, patientId, serviceId).query(UUID.class).single();
    }

    /**
     * Other rows, such as a booking's quote, written as common table expressions in the statement that adds an
     * appointment's lines to its invoice; the parameters' names must differ from that statement's own.
     */
    record Alongside(String tables, Map<String, Object> params) {
    }

    private record Shape(String alongside, int lines) {
    }

    /**
     * Writes the rows {@code alongside} and adds the lines to the appointment's invoice, opened if it has none yet,
     * each line unless one with the same reference exists: one statement, as this runs on every booking.
     */
    void addLines(UUID appointmentId, UUID patientId, String serviceId, List<Line> lines, List<String> references,
            Alongside alongside) {
        Map<String, Object> params = LineRows.params("", lines);
        for (int i = 0; i < references.size(); i++) {
            params.put("reference" + i, references.get(i));
        }
        params.putAll(alongside.params());
        String sql = withLines.computeIfAbsent(new Shape(alongside.tables(), lines.size()), shape -> "with "
                + shape.alongside() + ",\n" + APPOINTMENT_INVOICE + (shape.lines() == 0 ? "select id from invoice" : """
                insert into billing_invoice_line (invoice_id, kind, amount, code, args, reference, created_at)
                select invoice.id, line.kind, line.amount, line.code, line.args, line.reference, :at
                from invoice, (values %s) as line (kind, amount, code, args, reference)
                on conflict (reference) do nothing""".formatted(LineRows.values("", shape.lines(), "",
                ", :reference{i}"))));
        JdbcClient.StatementSpec statement = appointmentInvoice(sql, appointmentId, patientId, serviceId).params(params);
        if (lines.isEmpty()) {
            statement.query(UUID.class).single();
        } else {
            statement.update();
        }
    }

    private JdbcClient.StatementSpec appointmentInvoice(String sql, UUID appointmentId, UUID patientId,
            String serviceId) {
        return jdbc.sql(sql).param("id", UUID.randomUUID()).param("patient", patientId)
                .param("appointment", appointmentId).param("service", serviceId).param("at", ts(clock.instant()));
    }

    /** Adds a line unless one with the same reference exists; true if it was added. */
    boolean addLine(UUID invoiceId, Line line, String reference) {
        return jdbc.sql("""
                insert into billing_invoice_line (invoice_id, kind, amount, code, args, reference, created_at)
                values (:invoice, :kind, :amount, :code, :args, :reference, :at) on conflict (reference) do nothing""")
                .param("invoice", invoiceId).param("kind", line.kind().name()).param("amount", line.amount().amount())
                .param("code", line.code()).param("args", line.encodedArgs()).param("reference", reference)
                .param("at", ts(clock.instant())).update() > 0;
    }

    @Transactional(readOnly = true)
    public Invoice get(UUID id) {
        return find(id).orElseThrow(() -> BillingFailure.notFound("unknownInvoice"));
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> forAppointment(UUID appointmentId) {
        return jdbc.sql("select id from billing_invoice where appointment_id = :a").param("a", appointmentId)
                .query(UUID.class).optional().flatMap(this::find);
    }

    /** A patient's invoices, newest first. */
    @Transactional(readOnly = true)
    public List<Invoice> ofPatient(UUID patientId) {
        return jdbc.sql("select id from billing_invoice where patient_id = :p order by issued_at desc, number desc")
                .param("p", patientId).query(UUID.class).list().stream().map(this::get).toList();
    }

    /** What a patient owes across all invoices (negative when in credit). */
    @Transactional(readOnly = true)
    public Money balanceOf(UUID patientId) {
        return ofPatient(patientId).stream().map(Invoice::balance).reduce(Money.ZERO, Money::plus);
    }

    private Optional<Invoice> find(UUID id) {
        List<Line> lines = jdbc.sql("select kind, amount, code, args from billing_invoice_line where invoice_id = :id"
                        + " order by id").param("id", id).query(Invoices::line).list();
        List<Payment> payments = jdbc.sql("select * from billing_payment where invoice_id = :id order by at, id")
                .param("id", id).query(Invoices::payment).list();
        return jdbc.sql("select * from billing_invoice where id = :id").param("id", id)
                .query((rs, n) -> new Invoice(id, rs.getLong("number"), rs.getObject("patient_id", UUID.class),
                        rs.getObject("appointment_id", UUID.class), rs.getObject("membership_id", UUID.class),
                        rs.getString("service_id"), rs.getTimestamp("issued_at").toInstant(), lines, payments))
                .optional();
    }

    static Line line(ResultSet rs, int row) throws SQLException {
        Array args = rs.getArray("args");
        return new Line(Line.Kind.valueOf(rs.getString("kind")), Money.of(rs.getBigDecimal("amount")),
                rs.getString("code"), Line.decodeArgs(args == null ? null : (String[]) args.getArray()));
    }

    static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                Payment.Kind.valueOf(rs.getString("kind")), Payment.Method.valueOf(rs.getString("method")),
                Money.of(rs.getBigDecimal("amount")), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("at").toInstant());
    }
}
