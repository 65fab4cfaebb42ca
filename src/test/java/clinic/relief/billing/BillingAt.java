package clinic.relief.billing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing's parts wired by hand around a {@link TestClock}, on the test context's database, so tests can move time
 * across month boundaries. Every call runs in its own transaction, as the proxied beans would.
 */
class BillingAt {

    final TestClock clock;
    final TransactionTemplate tx;
    final JdbcClient jdbc;
    final MembershipStore store;
    final Plans plans;
    final CreditLedger ledger;
    final Invoices invoices;
    final BillingRun run;
    final Memberships memberships;

    BillingAt(String localTime, JdbcClient jdbc, TransactionTemplate tx, ClinicProfile clinic) {
        this.clock = new TestClock(localTime);
        this.tx = tx;
        this.jdbc = jdbc;
        ClinicMonths months = new ClinicMonths(clinic, clock);
        store = new MembershipStore(jdbc);
        plans = new Plans(new PlanStore(jdbc));
        ledger = new CreditLedger(new CreditStore(jdbc));
        invoices = new Invoices(new InvoiceStore(jdbc), clock);
        run = new BillingRun(
                store,
                plans,
                ledger,
                invoices,
                months,
                tx,
                new StaticListableBeanFactory().getBeanProvider(MembershipAutopay.class));
        memberships = new Memberships(store, plans, ledger, run, invoices, months);
    }

    <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /** A plan with one 60-minute trigger-point credit a month and the given terms, under a fresh id. */
    Plan plan(int rolloverCap, int creditMonths, int daysAfterCancel, int noticeDays, boolean sharing) {
        Plan plan = new Plan(
                "test-" + UUID.randomUUID(),
                Map.of("en", "Test plan", "es", "Plan de prueba"),
                Money.of("79"),
                List.of(new Plan.IncludedCredit("trigger-point", 60, 1)),
                Map.of(Plan.key("trigger-point", 60), Money.of("89")),
                rolloverCap,
                creditMonths,
                daysAfterCancel,
                6,
                Money.of("50"),
                noticeDays,
                Money.of("10"),
                sharing,
                false);
        plans.save(plan);
        return plan;
    }

    Membership enrol(Plan plan) {
        return inTx(() -> memberships.enrol(UUID.randomUUID(), plan.id()));
    }

    int credits(Membership membership) {
        return ledger.available(membership.id(), "trigger-point", 60, clock.instant());
    }
}
