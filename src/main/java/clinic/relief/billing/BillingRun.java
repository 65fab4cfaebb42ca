package clinic.relief.billing;

import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.Line.Kind;
import clinic.relief.shared.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly membership charge. When the payments module takes a month's invoice to charge the card on file
 * ({@link MembershipAutopay}), that month's credits wait until the invoice is paid ({@link #paid}); otherwise they
 * are granted at once and the invoice waits for the desk. Each membership is charged in its own transaction; the charge row's primary key
 * (membership, month) makes a second run, or a run on another instance at the same moment, charge nothing more:
 * {@code insert ... on conflict do nothing} waits for the other transaction and then finds the row.
 */
@Service
public class BillingRun {

    private final MembershipStore memberships;
    private final Plans plans;
    private final CreditLedger ledger;
    private final Invoices invoices;
    private final ClinicMonths months;
    private final TransactionTemplate transactions;
    private final ObjectProvider<MembershipAutopay> autopay;

    BillingRun(
            MembershipStore memberships,
            Plans plans,
            CreditLedger ledger,
            Invoices invoices,
            ClinicMonths months,
            TransactionTemplate transactions,
            ObjectProvider<MembershipAutopay> autopay) {
        this.memberships = memberships;
        this.plans = plans;
        this.ledger = ledger;
        this.invoices = invoices;
        this.months = months;
        this.transactions = transactions;
        this.autopay = autopay;
    }

    /** Charges the current clinic month; safe to run often (hourly), it charges each membership once a month. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    void runCurrentMonth() {
        run(months.current());
    }

    /** Charges every billable membership for {@code month}; returns how many were charged by this call. */
    public int run(YearMonth month) {
        int charged = 0;
        for (UUID id : memberships.billable(month.atDay(1))) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> charge(id, month)))) {
                charged++;
            }
        }
        return charged;
    }

    /** Charges one membership for one month, in the caller's transaction; false if it was charged already. */
    boolean charge(UUID membershipId, YearMonth month) {
        Membership membership = memberships.lock(membershipId);
        Optional<Line> switchFee = Optional.empty();
        if (membership.nextPlanId() != null && month.isAfter(YearMonth.from(membership.startedOn()))) {
            switchFee = switchFee(membership, month);
            memberships.switchToNextPlan(membershipId);
            membership = memberships.get(membershipId);
        }
        if (membership.isFrozen() && membership.frozenUntil().isBefore(month.atDay(1))) {
            memberships.unfreeze(membershipId);
            membership = memberships.get(membershipId);
        }
        Plan plan = plans.get(membership.planId());
        boolean frozen = membership.isFrozen();
        Money fee = frozen ? plan.freezeFee() : plan.monthlyFee();
        UUID invoiceId = UUID.randomUUID();
        if (!memberships.insertCharge(
                membershipId, month.atDay(1), frozen ? "FREEZE" : "MONTHLY", fee, invoiceId, months.now())) {
            return false;
        }
        invoices.open(invoiceId, membership.patientId(), null, membershipId, null);
        invoices.addLine(
                invoiceId,
                Line.of(
                        Kind.MEMBERSHIP_FEE,
                        fee,
                        frozen ? "billing.line.freezeFee" : "billing.line.monthlyFee",
                        LineArg.names(plan.names()),
                        LineArg.month(month)),
                "membership:" + membershipId + ":" + month);
        switchFee.ifPresent(line -> invoices.addLine(invoiceId, line, "early-switch:" + membershipId + ":" + month));
        ledger.rollOver(membershipId, plan.rolloverCap(), months.start(month));
        Money total = switchFee.map(line -> fee.plus(line.amount())).orElse(fee);
        MembershipAutopay.Due due =
                new MembershipAutopay.Due(membershipId, membership.patientId(), invoiceId, month, total);
        boolean byCard = total.isPositive() && autopay.orderedStream().anyMatch(a -> a.takes(due));
        if (frozen) {
            memberships.setCredits(membershipId, month.atDay(1), "NONE");
        } else if (byCard) {
            memberships.setCredits(membershipId, month.atDay(1), "HELD");
        } else {
            ledger.grant(membershipId, month, plan, months.start(month.plusMonths(plan.creditMonths())), months.now());
        }
        return true;
    }

    /**
     * An invoice was paid in full: if it is a month charged to the card whose credits wait, they are granted now
     * (once) and a membership paused for it resumes. Runs in the payment's transaction.
     */
    void paid(UUID invoiceId) {
        memberships.heldFor(invoiceId).ifPresent(held -> {
            Membership membership = memberships.lock(held.membershipId());
            if (memberships.release(invoiceId)) {
                YearMonth month = YearMonth.from(held.period());
                Plan plan = plans.get(membership.planId());
                ledger.grant(
                        membership.id(),
                        month,
                        plan,
                        months.start(month.plusMonths(plan.creditMonths())),
                        months.now());
            }
            memberships.resume(membership.id());
        });
    }

    /** Whether this month's charge of a membership waits for payment before its credits are granted. */
    boolean creditsHeld(UUID membershipId, YearMonth month) {
        return memberships.creditsHeld(membershipId, month.atDay(1));
    }

    /** The invoice of a membership's charge for a month. */
    Optional<UUID> invoiceOf(UUID membershipId, YearMonth month) {
        return memberships.chargeInvoice(membershipId, month.atDay(1));
    }

    /**
     * Leaving a plan for a cheaper one before the old plan's minimum term is over ends that term early: the old
     * plan's early-cancel fee is owed, as it would be on cancelling. Moving to a plan of the same or a higher fee
     * keeps the commitment and costs nothing. The term keeps counting from the day the member enrolled.
     */
    private Optional<Line> switchFee(Membership membership, YearMonth month) {
        Plan old = plans.get(membership.planId());
        Plan next = plans.get(membership.nextPlanId());
        boolean insideTerm = month.atDay(1).isBefore(membership.startedOn().plusMonths(old.minimumTermMonths()));
        if (!insideTerm
                || next.monthlyFee().compareTo(old.monthlyFee()) >= 0
                || !old.earlyCancelFee().isPositive()) {
            return Optional.empty();
        }
        return Optional.of(Line.of(
                Kind.FEE,
                old.earlyCancelFee(),
                "billing.line.earlySwitch",
                LineArg.names(old.names()),
                LineArg.names(next.names())));
    }
}
