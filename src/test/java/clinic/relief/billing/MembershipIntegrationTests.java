package clinic.relief.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.ReliefTest;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ReliefTest
class MembershipIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ClinicProfile clinic;

    BillingAt billing;

    @BeforeEach
    void setUp() {
        billing = new BillingAt("2027-01-15T10:00", jdbc, tx, clinic);
    }

    @Test
    void enrollingChargesTheFirstMonthAndGrantsItsCredit() {
        Plan plan = billing.plan(2, 3, 60, 30, false);
        Membership membership = billing.enrol(plan);

        List<Invoice> invoices = billing.invoices.ofPatient(membership.patientId());
        assertThat(invoices).singleElement().satisfies(invoice -> {
            assertThat(invoice.total()).isEqualTo(Money.of("79.00"));
            assertThat(invoice.lines())
                    .singleElement()
                    .satisfies(line -> assertThat(line.code()).isEqualTo("billing.line.monthlyFee"));
        });
        assertThat(billing.credits(membership)).isEqualTo(1);
    }

    @Test
    void aSecondEnrolmentOfTheSamePatientIsAConflict() {
        Plan plan = billing.plan(2, 3, 60, 30, false);
        Membership membership = billing.enrol(plan);

        assertThatThrownBy(() -> billing.inTx(() -> billing.memberships.enrol(membership.patientId(), plan.id())))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("alreadyMember"));
    }

    @Test
    void twoConcurrentRunsChargeEachMembershipOnce() throws Exception {
        Plan plan = billing.plan(2, 3, 60, 30, false);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(billing.enrol(plan).id());
        }
        billing.clock.set("2027-02-01T00:00");
        int before = februaryCharges();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            return billing.run.run(YearMonth.of(2027, 2));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(run);
            Future<Integer> second = pool.submit(run);
            start.countDown();
            int charged = first.get() + second.get();

            assertThat(charged).isEqualTo(februaryCharges() - before).isGreaterThanOrEqualTo(ids.size());
            for (UUID id : ids) {
                assertThat(jdbc.sql("select count(*) from billing_membership_charge where membership_id = :m")
                                .param("m", id)
                                .query(Integer.class)
                                .single())
                        .as("charges of %s", id)
                        .isEqualTo(2);
                assertThat(jdbc.sql("select count(*) from billing_invoice where membership_id = :m")
                                .param("m", id)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(billing.run.run(YearMonth.of(2027, 2))).isZero();
    }

    @Test
    void theLastCreditCanBeUsedOnlyOnceAtTheSameMoment() throws Exception {
        Membership membership = billing.enrol(billing.plan(2, 3, 60, 30, false));
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> use = () -> {
            start.await();
            try {
                billing.inTx(() -> {
                    billing.memberships.useCredit(membership.id(), "trigger-point", 60, UUID.randomUUID());
                    return null;
                });
                return "used";
            } catch (BillingFailure failure) {
                return failure.code();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(use);
            Future<String> second = pool.submit(use);
            start.countDown();

            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder("used", "creditUnavailable");
        } finally {
            pool.shutdownNow();
        }
        assertThat(billing.credits(membership)).isZero();
        assertThat(jdbc.sql("select sum(quantity) from billing_credit_entry where membership_id = :m")
                        .param("m", membership.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void creditsLapseAtLocalMidnightAcrossTheMarchClockChange() {
        Membership membership = billing.enrol(billing.plan(5, 2, 60, 30, false));
        billing.clock.set("2027-02-01T00:00");
        billing.run.run(YearMonth.of(2027, 2));
        billing.clock.set("2027-02-28T23:59");
        assertThat(billing.credits(membership)).isEqualTo(2);

        billing.clock.set("2027-03-01T00:00"); // January's credit lasted two clinic months (PST, 08:00 UTC)
        assertThat(billing.credits(membership)).isEqualTo(1);
        billing.run.run(YearMonth.of(2027, 3));
        assertThat(billing.credits(membership)).isEqualTo(2);

        billing.clock.setInstant(Instant.parse("2027-04-01T06:59:00Z")); // 23:59 PDT on March 31, after the change
        assertThat(billing.credits(membership)).isEqualTo(2);
        billing.clock.setInstant(Instant.parse("2027-04-01T07:00:00Z")); // midnight PDT: February's credit lapses
        assertThat(billing.credits(membership)).isEqualTo(1);
        assertThat(entries(membership, "EXPIRE")).isEqualTo(-1);
    }

    @Test
    void creditsBeyondTheRolloverCapLapseWhenTheMonthTurns() {
        Membership membership = billing.enrol(billing.plan(1, 6, 60, 30, false));
        billing.clock.set("2027-02-01T00:00");
        billing.run.run(YearMonth.of(2027, 2));
        billing.clock.set("2027-03-01T00:00");
        billing.run.run(YearMonth.of(2027, 3));

        assertThat(billing.credits(membership)).isEqualTo(2); // one rolled over (the newest), plus March's
        assertThat(entries(membership, "EXPIRE")).isEqualTo(-1);
    }

    @Test
    void afterCancellingCreditsLastTheGivenDaysToLocalMidnightAcrossTheNovemberClockChange() {
        billing.clock.set("2027-10-20T09:00");
        Membership membership = billing.enrol(billing.plan(2, 3, 18, 0, false));
        billing.inTx(() -> billing.memberships.cancel(membership.id()));

        billing.clock.setInstant(Instant.parse("2027-11-07T06:59:00Z")); // 23:59 PDT, November 6
        assertThat(billing.credits(membership)).isEqualTo(1);
        billing.clock.setInstant(Instant.parse("2027-11-07T07:00:00Z")); // midnight PDT, the day clocks go back
        assertThat(billing.credits(membership)).isZero();
        billing.run.run(YearMonth.of(2027, 11));
        assertThat(jdbc.sql("select count(*) from billing_membership_charge where membership_id = :m")
                        .param("m", membership.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void cancellingInsideTheMinimumTermAddsTheEarlyCancelFee() {
        Membership membership = billing.enrol(billing.plan(2, 3, 60, 30, false));
        Membership cancelled = billing.inTx(() -> billing.memberships.cancel(membership.id()));

        assertThat(cancelled.endsOn()).hasToString("2027-02-14");
        assertThat(billing.invoices.balanceOf(membership.patientId())).isEqualTo(Money.of("129.00"));
        billing.clock.set("2027-02-01T00:00");
        billing.run.run(YearMonth.of(2027, 2)); // the notice runs into February: one more month
        billing.clock.set("2027-03-01T00:00");
        billing.run.run(YearMonth.of(2027, 3));
        assertThat(billing.invoices.balanceOf(membership.patientId())).isEqualTo(Money.of("208.00"));
    }

    @Test
    void aFrozenMonthChargesTheFreezeFeeAndGrantsNoCredit() {
        Membership membership = billing.enrol(billing.plan(5, 6, 60, 30, false));
        billing.inTx(() -> billing.memberships.freeze(membership.id(), YearMonth.of(2027, 2)));
        billing.clock.set("2027-02-01T00:00");
        billing.run.run(YearMonth.of(2027, 2));
        billing.clock.set("2027-03-01T00:00");
        billing.run.run(YearMonth.of(2027, 3));

        assertThat(billing.invoices.balanceOf(membership.patientId())).isEqualTo(Money.of("168.00"));
        assertThat(billing.credits(membership)).isEqualTo(2);
        assertThat(billing.memberships.get(membership.id()).status()).isEqualTo(Membership.Status.ACTIVE);
    }

    @Test
    void householdMembersShareCreditsOnlyWhenThePlanAllows() {
        Membership shared = billing.enrol(billing.plan(2, 3, 60, 30, true));
        UUID spouse = UUID.randomUUID();
        billing.inTx(() -> {
            billing.memberships.shareWith(shared.id(), spouse);
            return null;
        });
        assertThat(billing.store.usableBy(spouse, billing.clock.instant()))
                .map(Membership::id)
                .contains(shared.id());

        Membership single = billing.enrol(billing.plan(2, 3, 60, 30, false));
        assertThatThrownBy(() -> billing.inTx(() -> {
                    billing.memberships.shareWith(single.id(), UUID.randomUUID());
                    return null;
                }))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("noSharing"));
    }

    @Test
    void aPlanChangeTakesEffectAtTheNextCharge() {
        Membership membership = billing.enrol(billing.plan(2, 3, 60, 30, false));
        Plan dearer = billing.plan(2, 3, 60, 30, false);
        billing.jdbc
                .sql("update billing_plan set monthly_fee = 99 where id = :id")
                .param("id", dearer.id())
                .update();
        billing.inTx(() -> billing.memberships.changePlan(membership.id(), dearer.id()));
        billing.clock.set("2027-02-01T00:00");
        billing.run.run(YearMonth.of(2027, 2));

        assertThat(billing.memberships.get(membership.id()).planId()).isEqualTo(dearer.id());
        assertThat(billing.invoices.balanceOf(membership.patientId())).isEqualTo(Money.of("178.00"));
    }

    @Test
    void creditsGrantedBeforeAPlanChangeKeepTheirExpiryAndTheNewPlanGrantsItsOwn() {
        Membership membership = billing.enrol(billing.plan(2, 3, 60, 30, false));
        Plan deep = otherPlan("79", List.of(new Plan.IncludedCredit("deep-tissue", 60, 1)));
        Instant januaryExpiry = grantExpiry(membership, "trigger-point");
        billing.inTx(() -> billing.memberships.changePlan(membership.id(), deep.id()));
        billing.clock.set("2027-02-01T00:00");
        billing.run.run(YearMonth.of(2027, 2));

        assertThat(grantExpiry(membership, "trigger-point")).isEqualTo(januaryExpiry);
        assertThat(billing.credits(membership)).isEqualTo(1);
        assertThat(billing.ledger.available(membership.id(), "deep-tissue", 60, billing.clock.instant()))
                .isEqualTo(1);
        billing.clock.set("2027-04-01T00:00"); // January's credit lasted its three clinic months, as granted
        assertThat(billing.credits(membership)).isZero();
    }

    @Test
    void aCheaperPlanInsideTheMinimumTermOwesTheOldPlansEarlyCancelFeeOnce() {
        Membership membership = billing.enrol(billing.plan(2, 3, 60, 30, false));
        Plan cheaper = otherPlan("59", List.of(new Plan.IncludedCredit("trigger-point", 60, 1)));
        billing.inTx(() -> billing.memberships.changePlan(membership.id(), cheaper.id()));
        billing.clock.set("2027-02-01T00:00");
        billing.run.run(YearMonth.of(2027, 2));
        billing.clock.set("2027-03-01T00:00");
        billing.run.run(YearMonth.of(2027, 3));

        assertThat(billing.invoices.balanceOf(membership.patientId())).isEqualTo(Money.of("247.00")); // 79+59+50+59
        assertThat(billing.invoices.ofPatient(membership.patientId()).stream()
                        .flatMap(i -> i.lines().stream())
                        .filter(line -> line.code().equals("billing.line.earlySwitch")))
                .singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(Money.of("50.00")));
    }

    @Test
    void aCheaperPlanAfterTheMinimumTermOwesNoFee() {
        Membership membership = billing.enrol(billing.plan(2, 3, 60, 30, false));
        Plan cheaper = otherPlan("59", List.of(new Plan.IncludedCredit("trigger-point", 60, 1)));
        billing.clock.set("2027-07-02T09:00"); // six months after January 15: the term ends before August
        billing.inTx(() -> billing.memberships.changePlan(membership.id(), cheaper.id()));
        billing.clock.set("2027-08-01T00:00");
        billing.run.run(YearMonth.of(2027, 8));

        assertThat(billing.invoices.balanceOf(membership.patientId())).isEqualTo(Money.of("138.00")); // 79+59
    }

    @Test
    void aChangeToAPlanNotOfferedOrOfACancelledMembershipIsRefusedAndChangesNothing() {
        Membership membership = billing.enrol(billing.plan(2, 3, 60, 30, false));
        Plan hidden = otherPlan("49", List.of());
        jdbc.sql("update billing_plan set offered = false where id = :id")
                .param("id", hidden.id())
                .update();

        for (String plan : new String[] {hidden.id(), "no-such-plan", null}) {
            assertThatThrownBy(() -> billing.inTx(() -> billing.memberships.changePlan(membership.id(), plan)))
                    .isInstanceOfSatisfying(
                            BillingFailure.class, f -> assertThat(f.code()).isEqualTo("planNotOffered"));
        }
        billing.inTx(() -> billing.memberships.cancel(membership.id()));
        assertThatThrownBy(() -> billing.inTx(() -> billing.memberships.changePlan(membership.id(), "relief-monthly")))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("membershipCancelled"));
        assertThat(billing.memberships.get(membership.id()).nextPlanId()).isNull();
    }

    @Test
    void aHouseholdMemberRemovedNoLongerSharesAndTheMemberCannotShareWithThemselves() {
        Membership shared = billing.enrol(billing.plan(2, 3, 60, 30, true));
        UUID child = UUID.randomUUID();
        billing.inTx(() -> {
            billing.memberships.shareWith(shared.id(), child);
            return null;
        });
        assertThat(billing.memberships.household(shared.id())).containsExactly(child);

        billing.inTx(() -> {
            billing.memberships.stopSharing(shared.id(), child);
            return null;
        });
        assertThat(billing.store.usableBy(child, billing.clock.instant())).isEmpty();
        assertThatThrownBy(() -> billing.inTx(() -> {
                    billing.memberships.stopSharing(shared.id(), child);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("notInHousehold"));
        assertThatThrownBy(() -> billing.inTx(() -> {
                    billing.memberships.shareWith(shared.id(), shared.patientId());
                    return null;
                }))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("shareWithSelf"));
        assertThat(billing.memberships.household(shared.id())).isEmpty();
    }

    private Plan otherPlan(String fee, List<Plan.IncludedCredit> credits) {
        Plan plan = new Plan(
                "test-" + UUID.randomUUID(),
                Map.of("en", "Other", "es", "Otro"),
                Money.of(fee),
                credits,
                Map.of(),
                2,
                3,
                60,
                6,
                Money.of("50"),
                30,
                Money.of("10"),
                true,
                false);
        billing.plans.save(plan);
        return plan;
    }

    private Instant grantExpiry(Membership membership, String service) {
        return jdbc.sql("select expires_at from billing_credit_entry where membership_id = :m and kind = 'GRANT'"
                        + " and service_id = :s order by period limit 1")
                .param("m", membership.id())
                .param("s", service)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    private int februaryCharges() {
        return jdbc.sql("select count(*) from billing_membership_charge where period = '2027-02-01'")
                .query(Integer.class)
                .single();
    }

    private int entries(Membership membership, String kind) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from billing_credit_entry where membership_id = :m"
                        + " and kind = :k")
                .param("m", membership.id())
                .param("k", kind)
                .query(Integer.class)
                .single();
    }
}
