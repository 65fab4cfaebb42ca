package clinic.relief.payments;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code payments_dues}; every change is made holding the row's lock ({@link #lock}). */
@Repository
class DuesStore {

    private final JdbcClient jdbc;

    DuesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes a month owed by card, due at once; a second call for the same invoice adds nothing. */
    void insert(UUID invoiceId, UUID membershipId, UUID patientId, LocalDate period, Money amount, Instant at) {
        jdbc.sql("""
                insert into payments_dues (invoice_id, membership_id, patient_id, period, amount, state,
                                           next_attempt_at, created_at, changed_at)
                values (:i, :m, :p, :period, :amount, 'DUE', :at, :at, :at)
                on conflict (invoice_id) do nothing
                """)
                .param("i", invoiceId)
                .param("m", membershipId)
                .param("p", patientId)
                .param("period", period)
                .param("amount", amount.amount())
                .param("at", utc(at))
                .update();
    }

    Optional<Dues> find(UUID invoiceId) {
        return jdbc.sql("select * from payments_dues where invoice_id = :i")
                .param("i", invoiceId)
                .query(DuesStore::row)
                .optional();
    }

    Optional<Dues> lock(UUID invoiceId) {
        return jdbc.sql("select * from payments_dues where invoice_id = :i for update")
                .param("i", invoiceId)
                .query(DuesStore::row)
                .optional();
    }

    /**
     * Months whose next attempt is due, attempts left without an answer since {@code stuckBefore}, and patients who
     * left the bank's authentication page unfinished since {@code authenticatingBefore}.
     */
    List<UUID> due(Instant now, Instant stuckBefore, Instant authenticatingBefore, int limit) {
        return jdbc.sql("""
                select invoice_id from payments_dues
                where (state in ('DUE', 'RETRYING', 'NEEDS_AUTHENTICATION', 'PAUSED') and next_attempt_at <= :now)
                   or (state = 'CHARGING' and changed_at <= :stuck)
                   or (state = 'AUTHENTICATING' and changed_at <= :authenticating)
                order by next_attempt_at
                limit :limit
                """)
                .param("now", utc(now))
                .param("stuck", utc(stuckBefore))
                .param("authenticating", utc(authenticatingBefore))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Starts a new attempt for the amount still owed, with the card it charges. */
    void charging(UUID invoiceId, String paymentMethodId, Money amount, LocalDate today, Instant at) {
        jdbc.sql("""
                update payments_dues
                set state = 'CHARGING', attempt = attempt + 1, payment_method_id = :pm, amount = :amount,
                    payment_intent_id = null, failure_code = null, first_tried_on = coalesce(first_tried_on, :today),
                    changed_at = :at
                where invoice_id = :i
                """)
                .param("i", invoiceId)
                .param("pm", paymentMethodId)
                .param("amount", amount.amount())
                .param("today", today)
                .param("at", utc(at))
                .update();
    }

    /** An attempt failed: the state it leaves, the next attempt (if any), the intent the patient may authenticate. */
    void failed(
            UUID invoiceId,
            Dues.State state,
            String code,
            Optional<String> paymentIntentId,
            Optional<Instant> next,
            Instant at) {
        jdbc.sql("""
                update payments_dues
                set state = :state, failures = failures + 1, failure_code = :code, payment_intent_id = :pi,
                    next_attempt_at = :next, changed_at = :at
                where invoice_id = :i
                """)
                .param("i", invoiceId)
                .param("state", state.name())
                .param("code", code)
                .param("pi", paymentIntentId.orElse(null))
                .param("next", next.map(n -> utc(n)).orElse(null))
                .param("at", utc(at))
                .update();
    }

    void state(UUID invoiceId, Dues.State state, Instant at) {
        jdbc.sql("update payments_dues set state = :state, changed_at = :at where invoice_id = :i")
                .param("i", invoiceId)
                .param("state", state.name())
                .param("at", utc(at))
                .update();
    }

    void paid(UUID invoiceId, String paymentIntentId, Instant at) {
        jdbc.sql("""
                update payments_dues
                set state = 'PAID', payment_intent_id = :pi, failure_code = null, next_attempt_at = null,
                    changed_at = :at
                where invoice_id = :i
                """)
                .param("i", invoiceId)
                .param("pi", paymentIntentId)
                .param("at", utc(at))
                .update();
    }

    /** A new card was saved: the patient's failed or paused months are tried again at once. */
    void retryNow(UUID patientId, Instant at) {
        jdbc.sql("""
                update payments_dues set next_attempt_at = :at
                where patient_id = :p and state in ('RETRYING', 'NEEDS_AUTHENTICATION', 'PAUSED')
                """).param("p", patientId).param("at", utc(at)).update();
    }

    private static Dues row(ResultSet rs, int n) throws SQLException {
        Date first = rs.getDate("first_tried_on");
        Timestamp next = rs.getTimestamp("next_attempt_at");
        return new Dues(
                rs.getObject("invoice_id", UUID.class),
                rs.getObject("membership_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getDate("period").toLocalDate(),
                Money.of(rs.getBigDecimal("amount")),
                Dues.State.valueOf(rs.getString("state")),
                rs.getInt("attempt"),
                rs.getInt("failures"),
                Optional.ofNullable(rs.getString("payment_method_id")),
                Optional.ofNullable(rs.getString("payment_intent_id")),
                Optional.ofNullable(rs.getString("failure_code")),
                Optional.ofNullable(first).map(Date::toLocalDate),
                Optional.ofNullable(next).map(Timestamp::toInstant));
    }
}
