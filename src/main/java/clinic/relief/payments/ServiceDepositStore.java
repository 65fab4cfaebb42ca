package clinic.relief.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code payments_service_deposit}: one deposit rule per service that has one. */
@Repository
class ServiceDepositStore {

    private final JdbcClient jdbc;

    ServiceDepositStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The service's rule, if one was set. */
    Optional<DepositRule> ruleFor(String serviceId) {
        return jdbc.sql("select kind, amount from payments_service_deposit where service_id = :s")
                .param("s", serviceId)
                .query((rs, row) -> rule(rs.getString("kind"), rs.getBigDecimal("amount")))
                .optional();
    }

    /** Every rule that is set, with its service id. */
    List<Map.Entry<String, DepositRule>> rules() {
        return jdbc.sql("select service_id, kind, amount from payments_service_deposit")
                .query((rs, row) ->
                        Map.entry(rs.getString("service_id"), rule(rs.getString("kind"), rs.getBigDecimal("amount"))))
                .list();
    }

    /** Removes the service's rule, if any. */
    void delete(String serviceId) {
        jdbc.sql("delete from payments_service_deposit where service_id = :s")
                .param("s", serviceId)
                .update();
    }

    /** Sets the service's rule (a fixed amount or the full price), replacing the one it had. */
    void save(String serviceId, DepositRule rule, String by, Instant at) {
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
                .param("at", utc(at))
                .update();
    }

    private static DepositRule rule(String kind, BigDecimal amount) {
        return "FIXED".equals(kind) ? new DepositRule.Fixed(Money.of(amount)) : new DepositRule.FullPrice();
    }
}
