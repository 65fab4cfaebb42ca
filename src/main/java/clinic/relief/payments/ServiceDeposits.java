package clinic.relief.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.shared.Timestamps.utc;

/**
 * The deposit each service asks for when booked online (table {@code payments_service_deposit}; a service without a
 * row asks for nothing). The rule is kept whether or not Stripe is configured; without Stripe no deposit is asked
 * ({@link #asked}).
 */
@Service
public class ServiceDeposits {

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final Clock clock;

    ServiceDeposits(JdbcClient jdbc, StripeGateway stripe, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.clock = clock;
    }

    /** Whether deposits are asked at all: only with a Stripe key. */
    public boolean asked() {
        return stripe.enabled();
    }

    /** The service's rule; {@link DepositRule.None} when none was set. */
    @Transactional(readOnly = true)
    public DepositRule ruleFor(String serviceId) {
        return jdbc.sql("select kind, amount from payments_service_deposit where service_id = :s")
                .param("s", serviceId)
                .query((rs, row) -> rule(rs.getString("kind"), rs.getBigDecimal("amount")))
                .optional()
                .orElseGet(DepositRule.None::new);
    }

    /** Every service's rule that is set, by service id. */
    @Transactional(readOnly = true)
    public Map<String, DepositRule> rules() {
        return jdbc
                .sql("select service_id, kind, amount from payments_service_deposit")
                .query((rs, row) ->
                        Map.entry(rs.getString("service_id"), rule(rs.getString("kind"), rs.getBigDecimal("amount"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Sets a service's rule ({@code by} is the owner's e-mail); {@link DepositRule.None} removes it. */
    @Transactional
    public void set(String serviceId, DepositRule rule, String by) {
        if (rule instanceof DepositRule.None) {
            jdbc.sql("delete from payments_service_deposit where service_id = :s")
                    .param("s", serviceId)
                    .update();
            return;
        }
        jdbc.sql("""
                insert into payments_service_deposit (service_id, kind, amount, changed_by, changed_at)
                values (:s, :kind, :amount, :by, :at)
                on conflict (service_id) do update
                set kind = excluded.kind, amount = excluded.amount, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at
                """)
                .param("s", serviceId)
                .param("kind", rule instanceof DepositRule.Fixed ? "FIXED" : "FULL_PRICE")
                .param(
                        "amount",
                        rule instanceof DepositRule.Fixed fixed ? fixed.amount().amount() : null)
                .param("by", by)
                .param("at", utc(clock.instant()))
                .update();
    }

    private static DepositRule rule(String kind, BigDecimal amount) {
        return "FIXED".equals(kind) ? new DepositRule.Fixed(Money.of(amount)) : new DepositRule.FullPrice();
    }
}
