package clinic.relief.payments;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Rows of {@code payments_authentication_try}: how many times the patient started confirming a PaymentIntent through
 * the e-mailed link. Called under the lock of the payment the intent belongs to, so two clicks at once are counted in
 * turn.
 */
@Repository
class AuthenticationTryStore {

    private final JdbcClient jdbc;

    AuthenticationTryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a new try of the PaymentIntent; its number (1 for the first). */
    int next(String paymentIntentId, Instant at) {
        return jdbc.sql("""
                insert into payments_authentication_try (payment_intent_id, tries, changed_at)
                values (:pi, 1, :at)
                on conflict (payment_intent_id)
                    do update set tries = payments_authentication_try.tries + 1, changed_at = :at
                returning tries
                """)
                .param("pi", paymentIntentId)
                .param("at", utc(at))
                .query(Integer.class)
                .single();
    }

    /** The number of the try under way (1 when none was counted yet). */
    int current(String paymentIntentId, Instant at) {
        return jdbc.sql("""
                insert into payments_authentication_try (payment_intent_id, tries, changed_at)
                values (:pi, 1, :at)
                on conflict (payment_intent_id) do update set tries = payments_authentication_try.tries
                returning tries
                """)
                .param("pi", paymentIntentId)
                .param("at", utc(at))
                .query(Integer.class)
                .single();
    }
}
