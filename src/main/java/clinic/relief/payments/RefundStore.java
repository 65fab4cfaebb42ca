package clinic.relief.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code payments_refund}: each refund asked of Stripe, numbered per PaymentIntent. */
@Repository
class RefundStore {

    /** A refund asked of Stripe. */
    record Refund(UUID id, String paymentIntentId, int seq, UUID invoiceId, Money amount) {}

    private final JdbcClient jdbc;

    RefundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was refunded, or is being refunded, of a PaymentIntent. */
    Money refunded(String paymentIntentId) {
        return Money.of(jdbc.sql("""
                        select coalesce(sum(amount), 0) from payments_refund
                        where payment_intent_id = :pi and state in ('REQUESTED', 'SUCCEEDED')""")
                .param("pi", paymentIntentId)
                .query(BigDecimal.class)
                .single());
    }

    int nextSeq(String paymentIntentId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from payments_refund where payment_intent_id = :pi")
                .param("pi", paymentIntentId)
                .query(Integer.class)
                .single();
    }

    /** Adds a refund; false when another one took the same number first. */
    boolean insert(Refund refund, String state, String by, Instant at) {
        return jdbc.sql("""
                        insert into payments_refund (id, payment_intent_id, seq, invoice_id, amount, state,
                                                     requested_by, created_at, changed_at)
                        values (:id, :pi, :seq, :invoice, :amount, :state, :by, :at, :at)
                        on conflict (payment_intent_id, seq) do nothing""")
                        .param("id", refund.id())
                        .param("pi", refund.paymentIntentId())
                        .param("seq", refund.seq())
                        .param("invoice", refund.invoiceId())
                        .param("amount", refund.amount().amount())
                        .param("state", state)
                        .param("by", by)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Notes Stripe's answer on the app's refund (found by its id), unless it has a Stripe refund already. */
    void settle(UUID id, String state, Optional<String> stripeRefundId, Optional<String> failureCode, Instant at) {
        jdbc.sql("""
                update payments_refund
                set state = :state, stripe_refund_id = coalesce(stripe_refund_id, :re), failure_code = :code,
                    changed_at = :at
                where id = :id and state <> 'SUCCEEDED'""")
                .param("id", id)
                .param("state", state)
                .param("re", stripeRefundId.orElse(null))
                .param("code", failureCode.orElse(null))
                .param("at", utc(at))
                .update();
    }

    boolean knows(String stripeRefundId) {
        return jdbc.sql("select exists (select 1 from payments_refund where stripe_refund_id = :re)")
                .param("re", stripeRefundId)
                .query(Boolean.class)
                .single();
    }
}
