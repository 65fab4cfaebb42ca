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

/** Rows of {@code payments_fee}; every change is guarded by the state it expects. */
@Repository
class FeeStore {

    private final JdbcClient jdbc;

    FeeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the fee unless the appointment has one already (an event delivered twice adds nothing). */
    void insert(Fee fee, Instant at) {
        jdbc.sql("""
                insert into payments_fee (id, appointment_id, patient_id, invoice_id, amount, reason, state,
                                          created_at, due_at, changed_at, deposit_kept)
                values (:id, :a, :p, :i, :amount, :reason, :state, :at, :due, :at, :kept)
                on conflict (appointment_id) do nothing
                """)
                .param("id", fee.id())
                .param("a", fee.appointmentId())
                .param("p", fee.patientId())
                .param("i", fee.invoiceId())
                .param("amount", fee.amount().amount())
                .param("reason", fee.reason().name())
                .param("state", fee.state().name())
                .param("kept", fee.depositKept().amount())
                .param("at", utc(at))
                .param("due", utc(fee.dueAt()))
                .update();
    }

    Optional<Fee> find(UUID id) {
        return jdbc.sql("select * from payments_fee where id = :id")
                .param("id", id)
                .query(FeeStore::fee)
                .optional();
    }

    Optional<Fee> lock(UUID id) {
        return jdbc.sql("select * from payments_fee where id = :id for update")
                .param("id", id)
                .query(FeeStore::fee)
                .optional();
    }

    /** The invoice's fees waiting for the patient's authentication (no try under way). */
    List<Fee> waitingOn(UUID invoiceId) {
        return jdbc.sql("select * from payments_fee where invoice_id = :i and state = 'NEEDS_AUTHENTICATION'")
                .param("i", invoiceId)
                .query(FeeStore::fee)
                .list();
    }

    Optional<Fee> ofAppointment(UUID appointmentId) {
        return jdbc.sql("select * from payments_fee where appointment_id = :a")
                .param("a", appointmentId)
                .query(FeeStore::fee)
                .optional();
    }

    /**
     * Fees whose waiving window has passed, charges left without an answer since {@code stuckBefore}, and patients who
     * left the bank's authentication page unfinished since {@code authenticatingBefore}.
     */
    List<UUID> due(Instant now, Instant stuckBefore, Instant authenticatingBefore) {
        return jdbc.sql("""
                select id from payments_fee
                where (state = 'PENDING' and due_at <= :now) or (state = 'CHARGING' and changed_at <= :stuck)
                   or (state = 'AUTHENTICATING' and changed_at <= :authenticating)
                order by due_at
                limit 500
                """)
                .param("now", utc(now))
                .param("stuck", utc(stuckBefore))
                .param("authenticating", utc(authenticatingBefore))
                .query(UUID.class)
                .list();
    }

    /** Starts a new attempt of this amount with the card it charges. */
    void charging(UUID id, String paymentMethodId, Money amount, Instant at) {
        jdbc.sql("""
                update payments_fee
                set state = 'CHARGING', attempt = attempt + 1, payment_method_id = :pm, amount = :amount,
                    failure_code = null, changed_at = :at
                where id = :id
                """)
                .param("id", id)
                .param("amount", amount.amount())
                .param("pm", paymentMethodId)
                .param("at", utc(at))
                .update();
    }

    /** Moves the fee to a state; {@code by} is who did it (a staff e-mail or "stripe"). */
    void state(UUID id, Fee.State state, Optional<String> failureCode, String by, Instant at) {
        jdbc.sql("""
                update payments_fee set state = :state, failure_code = :code, changed_by = :by, changed_at = :at
                where id = :id
                """)
                .param("id", id)
                .param("state", state.name())
                .param("code", failureCode.orElse(null))
                .param("by", by)
                .param("at", utc(at))
                .update();
    }

    /** The bank wants the patient to authenticate the PaymentIntent Stripe left waiting. */
    void needsAuthentication(UUID id, String paymentIntentId, Instant at) {
        jdbc.sql("""
                update payments_fee
                set state = 'NEEDS_AUTHENTICATION', payment_intent_id = :pi, failure_code = 'authentication_required',
                    changed_by = 'stripe', changed_at = :at
                where id = :id
                """)
                .param("id", id)
                .param("pi", paymentIntentId)
                .param("at", utc(at))
                .update();
    }

    void paid(UUID id, String paymentIntentId, Instant at) {
        jdbc.sql("""
                update payments_fee
                set state = 'PAID', payment_intent_id = :pi, failure_code = null, changed_by = 'stripe', changed_at = :at
                where id = :id
                """)
                .param("id", id)
                .param("pi", paymentIntentId)
                .param("at", utc(at))
                .update();
    }

    private static Fee fee(ResultSet rs, int row) throws SQLException {
        return new Fee(
                rs.getObject("id", UUID.class),
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("invoice_id", UUID.class),
                Money.of(rs.getBigDecimal("amount")),
                Fee.Reason.valueOf(rs.getString("reason")),
                Fee.State.valueOf(rs.getString("state")),
                rs.getInt("attempt"),
                Optional.ofNullable(rs.getString("payment_method_id")),
                Optional.ofNullable(rs.getString("payment_intent_id")),
                Optional.ofNullable(rs.getString("failure_code")),
                rs.getTimestamp("due_at").toInstant(),
                Money.of(rs.getBigDecimal("deposit_kept")));
    }
}
