package clinic.relief.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Rows of {@code billing_invoice}, its lines and its payments, and the quote stored with a booking's invoice. A line
 * with a reference is written at most once ({@code on conflict (reference) do nothing}); lines are never changed.
 * An appointment's invoice is opened by whichever insert comes first: inserts race safely on the unique
 * appointment id.
 */
@Repository
class InvoiceStore {

    private final JdbcClient jdbc;

    InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID patientId, UUID appointmentId, UUID membershipId, String serviceId, Instant at) {
        jdbc.sql("""
                insert into billing_invoice (id, patient_id, appointment_id, membership_id, service_id, issued_at)
                values (:id, :patient, :appointment, :membership, :service, :at)""")
                .param("id", id)
                .param("patient", patientId)
                .param("appointment", appointmentId)
                .param("membership", membershipId)
                .param("service", serviceId)
                .param("at", utc(at))
                .update();
    }

    /**
     * The appointment's invoice, opened if it has none yet: the new invoice's id, or (the insert did nothing) the
     * one the appointment already has. One round trip.
     */
    UUID openForAppointment(UUID appointmentId, UUID patientId, String serviceId, Instant at) {
        return jdbc.sql("""
                with added as (
                    insert into billing_invoice (id, patient_id, appointment_id, service_id, issued_at)
                    values (:id, :patient, :appointment, :service, :at) on conflict (appointment_id) do nothing
                    returning id)
                select id from added
                union all
                select id from billing_invoice where appointment_id = :appointment and not exists (select from added)
                """)
                .param("id", UUID.randomUUID())
                .param("patient", patientId)
                .param("appointment", appointmentId)
                .param("service", serviceId)
                .param("at", utc(at))
                .query(UUID.class)
                .single();
    }

    /**
     * Stores a booked appointment's quote with its lines (unless it has one) and adds the lines to the appointment's
     * invoice, opened if it has none yet, each line referenced {@code quote:<appointment>:<position>} so it is added
     * once: one statement, as this runs on every booking.
     */
    void insertQuoted(UUID appointmentId, UUID patientId, Quote quote, Instant at) {
        jdbc.sql("""
                with quote as (
                    insert into billing_quote (appointment_id, patient_id, service_id, minutes, total, uses_credit,
                        created_at)
                    values (:appointment, :patient, :service, :minutes, :total, :credit, :at) on conflict do nothing),
                line as (
                    select * from jsonb_to_recordset(:lines::jsonb)
                        as line (position int, kind text, amount numeric, code text, args jsonb)),
                quote_line as (
                    insert into billing_quote_line (appointment_id, position, kind, amount, code, args)
                    select :appointment, position, kind, amount, code, args from line on conflict do nothing),
                added as (
                    insert into billing_invoice (id, patient_id, appointment_id, service_id, issued_at)
                    values (:invoice, :patient, :appointment, :service, :at) on conflict (appointment_id) do nothing
                    returning id),
                invoice as (
                    select id from added
                    union all
                    select id from billing_invoice where appointment_id = :appointment and not exists (select from added))
                insert into billing_invoice_line (invoice_id, kind, amount, code, args, reference, created_at)
                select invoice.id, line.kind, line.amount, line.code, line.args,
                       'quote:' || :appointment || ':' || line.position, :at
                from invoice, line
                order by line.position
                on conflict (reference) do nothing""")
                .param("appointment", appointmentId)
                .param("patient", patientId)
                .param("service", quote.serviceId())
                .param("minutes", quote.minutes())
                .param("total", quote.total().amount())
                .param("credit", quote.usesCredit())
                .param("lines", LineJson.rows(quote.lines()))
                .param("invoice", UUID.randomUUID())
                .param("at", utc(at))
                .update();
    }

    /** Adds a line unless one with the same reference exists; true if it was added. */
    boolean addLine(UUID invoiceId, Line line, String reference, Instant at) {
        return jdbc.sql("""
                insert into billing_invoice_line (invoice_id, kind, amount, code, args, reference, created_at)
                values (:invoice, :kind, :amount, :code, :args::jsonb, :reference, :at)
                on conflict (reference) do nothing""")
                        .param("invoice", invoiceId)
                        .param("kind", line.kind().name())
                        .param("amount", line.amount().amount())
                        .param("code", line.code())
                        .param("args", LineJson.args(line.args()))
                        .param("reference", reference)
                        .param("at", utc(at))
                        .update()
                > 0;
    }

    Optional<UUID> idOfAppointment(UUID appointmentId) {
        return jdbc.sql("select id from billing_invoice where appointment_id = :a")
                .param("a", appointmentId)
                .query(UUID.class)
                .optional();
    }

    /**
     * A patient's invoices with their lines and payments, newest first: three queries however many invoices (a chart
     * of 200 visits read them one by one, docs/benchmarks.md "Workspace pages (issue 18)").
     */
    List<Invoice> ofPatient(UUID patientId) {
        Map<UUID, List<Line>> lines = new HashMap<>();
        jdbc.sql("""
                select l.invoice_id, l.kind, l.amount, l.code, l.args
                from billing_invoice_line l join billing_invoice i on i.id = l.invoice_id
                where i.patient_id = :p order by l.id""").param("p", patientId).query(rs -> {
            lines.computeIfAbsent(rs.getObject("invoice_id", UUID.class), id -> new ArrayList<>())
                    .add(LineJson.line(rs, 0));
        });
        Map<UUID, List<Payment>> payments = new HashMap<>();
        jdbc.sql("""
                select pay.* from billing_payment pay join billing_invoice i on i.id = pay.invoice_id
                where i.patient_id = :p order by pay.at, pay.id""").param("p", patientId).query(rs -> {
            payments.computeIfAbsent(rs.getObject("invoice_id", UUID.class), id -> new ArrayList<>())
                    .add(payment(rs, 0));
        });
        return jdbc.sql("select * from billing_invoice where patient_id = :p order by issued_at desc, number desc")
                .param("p", patientId)
                .query((rs, n) -> invoice(
                        rs,
                        lines.getOrDefault(rs.getObject("id", UUID.class), List.of()),
                        payments.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    /**
     * The patient's invoices that are not due yet at {@code now}: those of visits still to come (the rule is the
     * database's {@code billing_invoice_due}, shared with the reports and the patient list). A visit is paid at the
     * desk, so its invoice counts toward what the patient owes from its start (or as soon as it is checked in,
     * cancelled with a fee or missed).
     */
    List<UUID> notYetDue(UUID patientId, Instant now) {
        return jdbc.sql("""
                        select i.id from billing_invoice i where i.patient_id = :p
                        except
                        select d.id from billing_invoice_due(:now) d where d.patient_id = :p""")
                .param("p", patientId)
                .param("now", utc(now))
                .query(UUID.class)
                .list();
    }

    Optional<Invoice> find(UUID id) {
        List<Line> lines = jdbc.sql("""
                select kind, amount, code, args from billing_invoice_line where invoice_id = :id order by id""").param("id", id).query(LineJson::line).list();
        List<Payment> payments = jdbc.sql("select * from billing_payment where invoice_id = :id order by at, id")
                .param("id", id)
                .query(InvoiceStore::payment)
                .list();
        return jdbc.sql("select * from billing_invoice where id = :id")
                .param("id", id)
                .query((rs, n) -> invoice(rs, lines, payments))
                .optional();
    }

    private static Invoice invoice(ResultSet rs, List<Line> lines, List<Payment> payments) throws SQLException {
        return new Invoice(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("membership_id", UUID.class),
                rs.getString("service_id"),
                rs.getTimestamp("issued_at").toInstant(),
                lines,
                payments);
    }

    /** Locks the invoice's row until the transaction ends; false when there is no such invoice. */
    boolean lock(UUID id) {
        return jdbc.sql("select 1 from billing_invoice where id = :id for update")
                .param("id", id)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    void insertPayment(Payment payment) {
        jdbc.sql("""
                insert into billing_payment (id, invoice_id, kind, method, amount, note, recorded_by, at)
                values (:id, :invoice, :kind, :method, :amount, :note, :by, :at)""")
                .param("id", payment.id())
                .param("invoice", payment.invoiceId())
                .param("kind", payment.kind().name())
                .param("method", payment.method().name())
                .param("amount", payment.amount().amount())
                .param("note", payment.note())
                .param("by", payment.recordedBy())
                .param("at", utc(payment.at()))
                .update();
    }

    Optional<Payment> cardPayment(String paymentIntentId) {
        return jdbc.sql("select * from billing_payment where method = 'CARD_ON_FILE' and note = :note")
                .param("note", paymentIntentId)
                .query(InvoiceStore::payment)
                .optional();
    }

    /** Card payments and refunds made through Stripe and recorded in {@code [from, to)}, oldest first. */
    List<Payment> cardPayments(Instant from, Instant to) {
        return jdbc.sql("""
                select * from billing_payment
                where method = 'CARD_ON_FILE' and at >= :from and at < :to order by at""")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(InvoiceStore::payment)
                .list();
    }

    /** Flags the invoice with a dispute Stripe reported; false if this dispute was flagged already. */
    boolean flagDispute(UUID invoiceId, String disputeId, Money amount, String reason, Instant at) {
        return jdbc.sql("""
                        insert into billing_invoice_dispute (dispute_id, invoice_id, amount, reason, created_at)
                        values (:dispute, :invoice, :amount, :reason, :at)
                        on conflict (dispute_id) do nothing""")
                        .param("dispute", disputeId)
                        .param("invoice", invoiceId)
                        .param("amount", amount.amount())
                        .param("reason", reason)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    List<Invoices.Dispute> disputes(UUID invoiceId) {
        return jdbc.sql("""
                select dispute_id, amount, reason, created_at from billing_invoice_dispute
                where invoice_id = :invoice order by created_at, dispute_id""")
                .param("invoice", invoiceId)
                .query((rs, n) -> new Invoices.Dispute(
                        rs.getString("dispute_id"),
                        Money.of(rs.getBigDecimal("amount")),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("invoice_id", UUID.class),
                Payment.Kind.valueOf(rs.getString("kind")),
                Payment.Method.valueOf(rs.getString("method")),
                Money.of(rs.getBigDecimal("amount")),
                rs.getString("note"),
                rs.getString("recorded_by"),
                rs.getTimestamp("at").toInstant());
    }
}
