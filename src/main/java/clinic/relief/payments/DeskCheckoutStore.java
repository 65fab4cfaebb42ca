package clinic.relief.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code payments_desk_checkout} (one per visit's invoice) and {@code payments_tip}. */
@Repository
class DeskCheckoutStore {

    /** A visit's checkout: its version, and the card charge under way or last refused, if any. */
    record Row(
            UUID invoiceId,
            UUID appointmentId,
            UUID patientId,
            int version,
            int attempt,
            State state,
            Optional<Money> chargeAmount,
            Optional<String> paymentMethodId,
            Optional<String> paymentIntentId,
            Optional<String> failureCode,
            Instant changedAt) {

        /** The idempotency key of the current card attempt: derived from the invoice and the attempt. */
        String idempotencyKey() {
            return "invoice-" + invoiceId + "-checkout-" + attempt;
        }

        /** The reader an attempt on the card reader was sent to, if it is one. */
        Optional<String> readerId() {
            return paymentMethodId.filter(m -> m.startsWith(READER)).map(m -> m.substring(READER.length()));
        }
    }

    /** The prefix of a reader attempt's "payment method": the reader's id follows. */
    static final String READER = "reader:";

    /**
     * Where the card charge stands: none under way, one under way (or its answer lost), the last one refused, or one
     * waiting for the patient to confirm it with their bank (by the e-mailed link), or the patient at it right now.
     */
    enum State {
        OPEN,
        CHARGING,
        DECLINED,
        NEEDS_AUTHENTICATION,
        AUTHENTICATING
    }

    /** A tip recorded at checkout. */
    record Tip(UUID invoiceId, UUID therapistId, String therapistName, Money amount, Instant at) {}

    /** Tips of one therapist over a time range. */
    record TipTotal(UUID therapistId, String therapistName, Money amount, int tips) {}

    private final JdbcClient jdbc;

    DeskCheckoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID invoiceId) {
        return jdbc.sql("select * from payments_desk_checkout where invoice_id = :i")
                .param("i", invoiceId)
                .query(DeskCheckoutStore::row)
                .optional();
    }

    /** The visit's checkout row, created at version 0 if it has none, locked until the transaction ends. */
    Row lock(UUID invoiceId, UUID appointmentId, UUID patientId, Instant at) {
        jdbc.sql("""
                insert into payments_desk_checkout (invoice_id, appointment_id, patient_id, changed_at)
                values (:i, :a, :p, :at)
                on conflict (invoice_id) do nothing
                """)
                .param("i", invoiceId)
                .param("a", appointmentId)
                .param("p", patientId)
                .param("at", utc(at))
                .update();
        return jdbc.sql("select * from payments_desk_checkout where invoice_id = :i for update")
                .param("i", invoiceId)
                .query(DeskCheckoutStore::row)
                .single();
    }

    /** Moves the version on after an action taken by hand (a tip, a payment). */
    void acted(UUID invoiceId, Instant at) {
        jdbc.sql("update payments_desk_checkout set version = version + 1, changed_at = :at where invoice_id = :i")
                .param("i", invoiceId)
                .param("at", utc(at))
                .update();
    }

    /** Starts a new card attempt of this amount with this card; the version moves on. */
    void charging(UUID invoiceId, Money amount, String paymentMethodId, Instant at) {
        jdbc.sql("""
                update payments_desk_checkout
                set version = version + 1, attempt = attempt + 1, state = 'CHARGING', charge_amount = :amount,
                    payment_method_id = :pm, payment_intent_id = null, failure_code = null, changed_at = :at
                where invoice_id = :i
                """)
                .param("i", invoiceId)
                .param("amount", amount.amount())
                .param("pm", paymentMethodId)
                .param("at", utc(at))
                .update();
    }

    /** Ends the card attempt in a state (OPEN when paid); the version moves on so the page shows the outcome. */
    void settled(UUID invoiceId, State state, Optional<String> failureCode, Instant at) {
        jdbc.sql("""
                update payments_desk_checkout
                set version = version + 1, state = :state, failure_code = :code, changed_at = :at
                where invoice_id = :i
                """)
                .param("i", invoiceId)
                .param("state", state.name())
                .param("code", failureCode.orElse(null))
                .param("at", utc(at))
                .update();
    }

    /** The attempt waits for the patient to authenticate the PaymentIntent Stripe left; the version moves on. */
    void needsAuthentication(UUID invoiceId, String paymentIntentId, Instant at) {
        jdbc.sql("""
                update payments_desk_checkout
                set version = version + 1, state = 'NEEDS_AUTHENTICATION', payment_intent_id = :pi,
                    failure_code = 'authentication_required', changed_at = :at
                where invoice_id = :i
                """)
                .param("i", invoiceId)
                .param("pi", paymentIntentId)
                .param("at", utc(at))
                .update();
    }

    /** Moves the attempt to a state, keeping its failure code; the version moves on. */
    void state(UUID invoiceId, State state, Instant at) {
        jdbc.sql("""
                update payments_desk_checkout set version = version + 1, state = :state, changed_at = :at
                where invoice_id = :i
                """)
                .param("i", invoiceId)
                .param("state", state.name())
                .param("at", utc(at))
                .update();
    }

    /** Patients who left the bank's authentication page unfinished since {@code before}. */
    List<UUID> authenticating(Instant before) {
        return jdbc.sql("""
                select invoice_id from payments_desk_checkout
                where state = 'AUTHENTICATING' and changed_at <= :before
                order by changed_at
                limit 500
                """).param("before", utc(before)).query(UUID.class).list();
    }

    /** Keeps the PaymentIntent a reader attempt collects (created under the attempt's key). */
    void intent(UUID invoiceId, int attempt, String paymentIntentId) {
        jdbc.sql("""
                update payments_desk_checkout set payment_intent_id = :pi
                where invoice_id = :i and attempt = :attempt and state = 'CHARGING'
                """)
                .param("i", invoiceId)
                .param("attempt", attempt)
                .param("pi", paymentIntentId)
                .update();
    }

    /** Card attempts left without an answer since {@code before}. */
    List<UUID> charging(Instant before) {
        return jdbc.sql("""
                select invoice_id from payments_desk_checkout
                where state = 'CHARGING' and changed_at <= :before
                order by changed_at
                limit 500
                """).param("before", utc(before)).query(UUID.class).list();
    }

    /** Records the tip unless the invoice has one; true if it was recorded. */
    boolean insertTip(Tip tip, UUID appointmentId, String by) {
        return jdbc.sql("""
                        insert into payments_tip (invoice_id, appointment_id, therapist_id, therapist_name, amount,
                                                  recorded_by, recorded_at)
                        values (:i, :a, :t, :name, :amount, :by, :at)
                        on conflict (invoice_id) do nothing
                        """)
                        .param("i", tip.invoiceId())
                        .param("a", appointmentId)
                        .param("t", tip.therapistId())
                        .param("name", tip.therapistName())
                        .param("amount", tip.amount().amount())
                        .param("by", by)
                        .param("at", utc(tip.at()))
                        .update()
                == 1;
    }

    Optional<Tip> tip(UUID invoiceId) {
        return jdbc.sql("select * from payments_tip where invoice_id = :i")
                .param("i", invoiceId)
                .query((rs, n) -> new Tip(
                        rs.getObject("invoice_id", UUID.class),
                        rs.getObject("therapist_id", UUID.class),
                        rs.getString("therapist_name"),
                        Money.of(rs.getBigDecimal("amount")),
                        rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    /** Tips per therapist recorded in {@code [from, to)}, the largest total first. */
    List<TipTotal> tipsPerTherapist(Instant from, Instant to) {
        return jdbc.sql("""
                select therapist_id, min(therapist_name) as name, sum(amount) as amount, count(*) as tips
                from payments_tip
                where recorded_at >= :from and recorded_at < :to
                group by therapist_id
                order by sum(amount) desc, min(therapist_name)
                """)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, n) -> new TipTotal(
                        rs.getObject("therapist_id", UUID.class),
                        rs.getString("name"),
                        Money.of(rs.getBigDecimal("amount")),
                        rs.getInt("tips")))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("invoice_id", UUID.class),
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getInt("version"),
                rs.getInt("attempt"),
                State.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getBigDecimal("charge_amount")).map(Money::of),
                Optional.ofNullable(rs.getString("payment_method_id")),
                Optional.ofNullable(rs.getString("payment_intent_id")),
                Optional.ofNullable(rs.getString("failure_code")),
                rs.getTimestamp("changed_at").toInstant());
    }
}
