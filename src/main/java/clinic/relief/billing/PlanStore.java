package clinic.relief.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import clinic.relief.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code billing_plan} and its credit and price tables. */
@Repository
class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Plan> offered() {
        return jdbc.sql("select * from billing_plan where offered order by monthly_fee, id")
                .query(this::plan)
                .list();
    }

    Optional<Plan> find(String id) {
        return jdbc.sql("select * from billing_plan where id = :id")
                .param("id", id)
                .query(this::plan)
                .optional();
    }

    /** Creates or replaces a plan with its credits and member prices; the caller holds the transaction. */
    void save(Plan plan) {
        jdbc.sql("""
                insert into billing_plan values (:id, :en, :es, :fee, :cap, :months, :after, :term, :early, :notice,
                    :freeze, :household, :insured, true)
                on conflict (id) do update set name_en = excluded.name_en, name_es = excluded.name_es,
                    monthly_fee = excluded.monthly_fee, rollover_cap = excluded.rollover_cap,
                    credit_months = excluded.credit_months, days_after_cancel = excluded.days_after_cancel,
                    minimum_term_months = excluded.minimum_term_months, early_cancel_fee = excluded.early_cancel_fee,
                    notice_days = excluded.notice_days, freeze_fee = excluded.freeze_fee,
                    household_sharing = excluded.household_sharing, credit_on_insured = excluded.credit_on_insured
                """)
                .param("id", plan.id())
                .param("en", plan.names().get("en"))
                .param("es", plan.names().getOrDefault("es", plan.names().get("en")))
                .param("fee", plan.monthlyFee().amount())
                .param("cap", plan.rolloverCap())
                .param("months", plan.creditMonths())
                .param("after", plan.daysAfterCancel())
                .param("term", plan.minimumTermMonths())
                .param("early", plan.earlyCancelFee().amount())
                .param("notice", plan.noticeDays())
                .param("freeze", plan.freezeFee().amount())
                .param("household", plan.householdSharing())
                .param("insured", plan.creditOnInsuredVisit())
                .update();
        jdbc.sql("delete from billing_plan_credit where plan_id = :id")
                .param("id", plan.id())
                .update();
        jdbc.sql("delete from billing_plan_price where plan_id = :id")
                .param("id", plan.id())
                .update();
        for (Plan.IncludedCredit credit : plan.credits()) {
            jdbc.sql("insert into billing_plan_credit values (:id, :service, :minutes, :count)")
                    .param("id", plan.id())
                    .param("service", credit.serviceId())
                    .param("minutes", credit.minutes())
                    .param("count", credit.count())
                    .update();
        }
        plan.memberPrices()
                .forEach((key, price) -> jdbc.sql("insert into billing_plan_price values (:id, :s, :m, :p)")
                        .param("id", plan.id())
                        .param("s", key.substring(0, key.lastIndexOf(':')))
                        .param("m", Integer.parseInt(key.substring(key.lastIndexOf(':') + 1)))
                        .param("p", price.amount())
                        .update());
    }

    private Plan plan(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<Plan.IncludedCredit> credits =
                jdbc.sql("""
                select service_id, minutes, credits as count from billing_plan_credit where plan_id = :id order by 1, 2""").param("id", id).query(Plan.IncludedCredit.class).list();
        Map<String, Money> prices = new HashMap<>();
        jdbc.sql("select service_id, minutes, price from billing_plan_price where plan_id = :id")
                .param("id", id)
                .query((r, n) -> prices.put(Plan.key(r.getString(1), r.getInt(2)), Money.of(r.getBigDecimal(3))))
                .list();
        return new Plan(
                id,
                Map.of("en", rs.getString("name_en"), "es", rs.getString("name_es")),
                money(rs, "monthly_fee"),
                credits,
                prices,
                rs.getInt("rollover_cap"),
                rs.getInt("credit_months"),
                rs.getInt("days_after_cancel"),
                rs.getInt("minimum_term_months"),
                money(rs, "early_cancel_fee"),
                rs.getInt("notice_days"),
                money(rs, "freeze_fee"),
                rs.getBoolean("household_sharing"),
                rs.getBoolean("credit_on_insured"));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null ? null : Money.of(amount);
    }
}
