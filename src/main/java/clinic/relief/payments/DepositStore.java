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

/** Rows of {@code payments_deposit}; a change of state is made under the row's lock ({@link #lock}). */
@Repository
class DepositStore {

    private final JdbcClient jdbc;

    DepositStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the deposit of a new hold, a visitor's when {@code guest}; a hold has one deposit (a second insert for it
     * adds nothing).
     */
    void insert(
            UUID id, UUID appointmentId, UUID patientId, Money amount, Instant expiresAt, Instant now, boolean guest) {
        jdbc.sql("""
                insert into payments_deposit (id, appointment_id, patient_id, amount, state, expires_at, created_at,
                                              changed_at, guest)
                values (:id, :a, :p, :amount, 'OPEN', :expires, :now, :now, :guest)
                on conflict (appointment_id) do nothing
                """)
                .param("id", id)
                .param("guest", guest)
                .param("a", appointmentId)
                .param("p", patientId)
                .param("amount", amount.amount())
                .param("expires", utc(expiresAt))
                .param("now", utc(now))
                .update();
    }

    Optional<Deposit> ofAppointment(UUID appointmentId) {
        return jdbc.sql("select * from payments_deposit where appointment_id = :a")
                .param("a", appointmentId)
                .query(DepositStore::deposit)
                .optional();
    }

    Optional<Deposit> find(UUID id) {
        return jdbc.sql("select * from payments_deposit where id = :id")
                .param("id", id)
                .query(DepositStore::deposit)
                .optional();
    }

    Optional<Deposit> lock(UUID id) {
        return jdbc.sql("select * from payments_deposit where id = :id for update")
                .param("id", id)
                .query(DepositStore::deposit)
                .optional();
    }

    Optional<Deposit> lockBySession(String sessionId) {
        return jdbc.sql("select * from payments_deposit where checkout_session_id = :s for update")
                .param("s", sessionId)
                .query(DepositStore::deposit)
                .optional();
    }

    /** Open deposits whose hold has run out, and payments for a time not kept whose refund has no answer yet. */
    List<UUID> due(Instant now) {
        return jdbc.sql("""
                select id from payments_deposit
                where (state = 'OPEN' and expires_at <= :now)
                   or (state in ('LATE_REFUNDED', 'NOT_BOOKED') and refund_id is null)
                order by expires_at
                limit 200
                """).param("now", utc(now)).query(UUID.class).list();
    }

    /** The hold's end moves to the Checkout page's expiry (never earlier). */
    void expiresAt(UUID id, Instant expiresAt, Instant now) {
        jdbc.sql("update payments_deposit set expires_at = :e, changed_at = :now where id = :id and expires_at < :e")
                .param("id", id)
                .param("e", utc(expiresAt))
                .param("now", utc(now))
                .update();
    }

    /** Notes the Checkout page opened for the deposit (the first one stays). */
    void checkout(UUID id, String sessionId, String url, Instant now) {
        jdbc.sql("""
                update payments_deposit set checkout_session_id = :s, checkout_url = :url, changed_at = :now
                where id = :id and checkout_session_id is null
                """)
                .param("id", id)
                .param("s", sessionId)
                .param("url", url)
                .param("now", utc(now))
                .update();
    }

    void state(UUID id, Deposit.State state, Optional<String> paymentIntentId, Instant now) {
        jdbc.sql("""
                update payments_deposit
                set state = :state, payment_intent_id = coalesce(payment_intent_id, :pi), changed_at = :now
                where id = :id
                """)
                .param("id", id)
                .param("state", state.name())
                .param("pi", paymentIntentId.orElse(null))
                .param("now", utc(now))
                .update();
    }

    /** A guest's deposit is now the patient's the payment booked it for (empty: it ended unpaid, forgotten). */
    void patient(UUID id, Optional<UUID> patientId, Instant now) {
        jdbc.sql("update payments_deposit set patient_id = :p, changed_at = :now where id = :id and guest")
                .param("id", id)
                .param("p", patientId.orElse(null))
                .param("now", utc(now))
                .update();
    }

    void refunded(UUID id, String refundId, Instant now) {
        jdbc.sql("update payments_deposit set refund_id = :r, changed_at = :now where id = :id")
                .param("id", id)
                .param("r", refundId)
                .param("now", utc(now))
                .update();
    }

    /** Deposits paid for a time that was not kept (refunded whole), changed since {@code since}, the latest first. */
    List<Deposit> notKept(Instant since) {
        return jdbc.sql("""
                select * from payments_deposit
                where state in ('LATE_REFUNDED', 'NOT_BOOKED') and changed_at >= :since
                order by changed_at desc
                limit 50
                """)
                .param("since", utc(since))
                .query(DepositStore::deposit)
                .list();
    }

    /**
     * Whether a Stripe reference (a PaymentIntent or a Refund id) is a deposit paid for a time that was not kept, or
     * its refund: money the app took and gave back whole without an invoice (reconciliation matches it here).
     */
    boolean notKeptReference(String reference) {
        return jdbc.sql("""
                select exists (select 1 from payments_deposit
                               where state in ('LATE_REFUNDED', 'NOT_BOOKED')
                                 and (payment_intent_id = :r or refund_id = :r))
                """).param("r", reference).query(Boolean.class).single();
    }

    /** The language of the page the deposit is paid on (the first one stays). */
    void language(UUID id, String language) {
        jdbc.sql("update payments_deposit set language = :l where id = :id and language is null")
                .param("id", id)
                .param("l", language)
                .update();
    }

    Optional<String> language(UUID id) {
        return jdbc.sql("select language from payments_deposit where id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .single();
    }

    private static Deposit deposit(ResultSet rs, int row) throws SQLException {
        return new Deposit(
                rs.getObject("id", UUID.class),
                rs.getObject("appointment_id", UUID.class),
                Optional.ofNullable(rs.getObject("patient_id", UUID.class)),
                Money.of(rs.getBigDecimal("amount")),
                Deposit.State.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("checkout_session_id")),
                Optional.ofNullable(rs.getString("checkout_url")),
                Optional.ofNullable(rs.getString("payment_intent_id")),
                Optional.ofNullable(rs.getString("refund_id")),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getBoolean("guest"));
    }
}
