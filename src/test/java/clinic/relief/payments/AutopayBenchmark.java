package clinic.relief.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.BillingRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly membership autopay run for 5,000 members with a card on file, against the local Stripe through the
 * SDK: billing's run (an invoice and a dues row per membership, each in its own transaction), then the dues sweep
 * (each attempt committed, Stripe called with its key, the payment and the credits recorded). Target: at most 2
 * minutes, with exactly one charge per member. A benchmark, not a test: surefire does not pick it up by name. Run
 * it with {@code ./mvnw -q test -Dtest=AutopayBenchmark -Dsurefire.failIfNoSpecifiedTests=false | grep BENCH}
 * (figures in docs/benchmarks.md).
 */
@ReliefTest
class AutopayBenchmark {

    private static final int MEMBERS = 5_000;

    @Autowired
    BillingRun run;

    @Autowired
    MembershipDues dues;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    final LocalStripe stripe = LocalStripe.get();

    @Test
    void chargesFiveThousandMembershipsOnceEach() {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(ZoneId.of("America/Los_Angeles")));
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            patients.add(UUID.randomUUID());
        }
        // The members themselves (the receipt of each payment is addressed to its patient).
        jdbc.sql("""
                insert into patient (id, first_name, last_name, phone, email, created_at)
                select id, 'Member', 'Bench' || n, '(310) 555-' || lpad((n % 10000)::text, 4, '0'),
                    'autopay-bench' || n || '@example.com', :at
                from unnest(:ids::uuid[]) with ordinality as p(id, n)""")
                .param("ids", patients.toArray(UUID[]::new))
                .param("at", utc(now))
                .update();
        // Members since last month, each with a card on file (Stripe's test Visa) under a customer of their own.
        jdbc.sql("""
                insert into payments_customer (patient_id, stripe_customer_id, payment_method_id, brand, last4,
                                               exp_month, exp_year, policy_version, policy_accepted_at,
                                               card_saved_at, created_at)
                select id, 'cus_bench' || n, 'pm_card_visa', 'visa', '4242', 12, 2034, '2026-12-06', :at, :at, :at
                from unnest(:ids::uuid[]) with ordinality as p(id, n)""")
                .param("ids", patients.toArray(UUID[]::new))
                .param("at", utc(now))
                .update();
        jdbc.sql("""
                insert into billing_membership (id, patient_id, plan_id, status, started_on, created_at)
                select gen_random_uuid(), id, 'relief-monthly', 'ACTIVE', :started, :at
                from unnest(:ids::uuid[]) as p(id)""")
                .param("ids", patients.toArray(UUID[]::new))
                .param("started", month.minusMonths(1).atDay(1))
                .param("at", utc(now))
                .update();
        int chargesBefore = stripe.charges();

        long started = System.nanoTime();
        int invoiced = run.run(month);
        long billed = System.nanoTime();
        int swept = dues.sweep(clock.instant());
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("BENCH membership autopay: " + invoiced + " invoiced in "
                + (billed - started) / 1_000_000 + " ms, " + swept + " charged in "
                + (System.nanoTime() - billed) / 1_000_000 + " ms, " + millis + " ms in all");
        assertThat(invoiced).isGreaterThanOrEqualTo(MEMBERS);
        assertThat(stripe.charges() - chargesBefore).isEqualTo(MEMBERS);
        Map<String, Long> byCustomer = stripe.chargesByCustomer();
        for (int i = 1; i <= MEMBERS; i++) {
            assertThat(byCustomer.get("cus_bench" + i)).isEqualTo(1L);
        }
        assertThat(jdbc.sql("""
                        select count(*) from payments_dues d join billing_payment p on p.invoice_id = d.invoice_id
                        where d.state = 'PAID' and d.patient_id = any(:ids::uuid[])""")
                        .param("ids", patients.toArray(UUID[]::new))
                        .query(Integer.class)
                        .single())
                .isEqualTo(MEMBERS);
    }
}
