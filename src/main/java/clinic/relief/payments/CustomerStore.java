package clinic.relief.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code payments_customer} (a patient's Stripe customer and card on file) and {@code payments_checkout}. */
@Repository
class CustomerStore {

    /** A patient's Stripe customer and, when one is saved, the card's payment method id. */
    record Customer(UUID patientId, String customerId, Optional<String> paymentMethodId, Optional<CardOnFile> card) {}

    /** A hosted setup page the patient opened, with the policy they accepted before it. */
    record Checkout(String sessionId, UUID patientId, String policyVersion, Instant acceptedAt) {}

    private final JdbcClient jdbc;

    CustomerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Customer> find(UUID patientId) {
        return jdbc.sql("select * from payments_customer where patient_id = :p")
                .param("p", patientId)
                .query(CustomerStore::customer)
                .optional();
    }

    /** Stores the patient's Stripe customer unless one is stored already; the one stored wins. */
    Customer insert(UUID patientId, String customerId, Instant at) {
        jdbc.sql("""
                insert into payments_customer (patient_id, stripe_customer_id, created_at)
                values (:p, :c, :at)
                on conflict (patient_id) do nothing
                """)
                .param("p", patientId)
                .param("c", customerId)
                .param("at", utc(at))
                .update();
        return find(patientId).orElseThrow();
    }

    void insertCheckout(Checkout checkout, Instant at) {
        jdbc.sql("""
                insert into payments_checkout (session_id, patient_id, mode, policy_version, policy_accepted_at, created_at)
                values (:s, :p, 'setup', :v, :accepted, :at)
                """)
                .param("s", checkout.sessionId())
                .param("p", checkout.patientId())
                .param("v", checkout.policyVersion())
                .param("accepted", utc(checkout.acceptedAt()))
                .param("at", utc(at))
                .update();
    }

    Optional<Checkout> checkout(String sessionId) {
        return jdbc.sql("select * from payments_checkout where session_id = :s")
                .param("s", sessionId)
                .query((rs, row) -> new Checkout(
                        rs.getString("session_id"),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("policy_version"),
                        rs.getTimestamp("policy_accepted_at").toInstant()))
                .optional();
    }

    /**
     * Saves the card a setup page saved, with the policy accepted on the way, and marks the page completed; a page
     * already completed changes nothing (false), so the return from Stripe and its webhook save the card once.
     */
    boolean saveCard(Checkout checkout, SavedCard card, Instant at) {
        int completed = jdbc.sql("""
                update payments_checkout set completed_at = :at where session_id = :s and completed_at is null
                """)
                .param("s", checkout.sessionId())
                .param("at", utc(at))
                .update();
        if (completed == 0) {
            return false;
        }
        jdbc.sql("""
                update payments_customer
                set payment_method_id = :pm, brand = :brand, last4 = :last4, exp_month = :month, exp_year = :year,
                    policy_version = :v, policy_accepted_at = :accepted, card_saved_at = :at
                where patient_id = :p and stripe_customer_id = :c
                """)
                .param("pm", card.paymentMethodId())
                .param("brand", card.brand())
                .param("last4", card.last4())
                .param("month", card.expMonth())
                .param("year", card.expYear())
                .param("v", checkout.policyVersion())
                .param("accepted", utc(checkout.acceptedAt()))
                .param("at", utc(at))
                .param("p", checkout.patientId())
                .param("c", card.customerId())
                .update();
        return true;
    }

    /** Forgets the card on file; the payment method id it had, if any. */
    Optional<String> removeCard(UUID patientId) {
        Optional<String> had = jdbc.sql(
                        "select payment_method_id from payments_customer where patient_id = :p for update")
                .param("p", patientId)
                .query(String.class)
                .optional();
        jdbc.sql("""
                update payments_customer
                set payment_method_id = null, brand = null, last4 = null, exp_month = null, exp_year = null,
                    card_saved_at = null
                where patient_id = :p
                """).param("p", patientId).update();
        return had;
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("payment_method_id");
        Optional<CardOnFile> card = method == null
                ? Optional.empty()
                : Optional.of(new CardOnFile(
                        rs.getString("brand"),
                        rs.getString("last4"),
                        rs.getInt("exp_month"),
                        rs.getInt("exp_year"),
                        rs.getString("policy_version"),
                        rs.getTimestamp("policy_accepted_at").toInstant(),
                        rs.getTimestamp("card_saved_at").toInstant()));
        return new Customer(
                rs.getObject("patient_id", UUID.class),
                rs.getString("stripe_customer_id"),
                Optional.ofNullable(method),
                card);
    }
}
