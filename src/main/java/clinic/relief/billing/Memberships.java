package clinic.relief.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.Line.Kind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership API: enrol, change plan, freeze, cancel, share with household members, and read credits. Enrolling
 * charges the first month at once; later months are charged by {@link BillingRun}. Every change locks the
 * membership row first.
 */
@Service
public class Memberships {

    private final MembershipStore store;
    private final Plans plans;
    private final CreditLedger ledger;
    private final BillingRun run;
    private final Invoices invoices;
    private final ClinicMonths months;

    Memberships(
            MembershipStore store,
            Plans plans,
            CreditLedger ledger,
            BillingRun run,
            Invoices invoices,
            ClinicMonths months) {
        this.store = store;
        this.plans = plans;
        this.ledger = ledger;
        this.run = run;
        this.invoices = invoices;
        this.months = months;
    }

    /** Credits left for one service and length. */
    public record CreditBalance(String serviceId, int minutes, int count) {}

    @Transactional
    public Membership enrol(UUID patientId, String planId) {
        Plan plan = plans.get(planId);
        Membership membership = new Membership(
                UUID.randomUUID(),
                patientId,
                plan.id(),
                null,
                Membership.Status.ACTIVE,
                months.today(),
                null,
                null,
                null,
                null);
        try {
            store.insert(membership, months.now());
        } catch (DuplicateKeyException alreadyMember) {
            throw BillingFailure.conflict("alreadyMember");
        }
        run.charge(membership.id(), months.current());
        return store.get(membership.id());
    }

    /**
     * The plan changes from the next monthly charge on; choosing the current plan again undoes a pending change.
     * Credits already granted keep their expiry. A cheaper plan that starts inside the old plan's minimum term owes
     * the old plan's early-cancel fee with that charge (see {@link BillingRun}). Only plans on offer can be chosen.
     */
    @Transactional
    public Membership changePlan(UUID id, String planId) {
        Membership membership = live(id);
        if (planId == null || plans.offered().stream().noneMatch(p -> p.id().equals(planId))) {
            throw BillingFailure.unprocessable("planNotOffered");
        }
        store.setNextPlan(id, planId.equals(membership.planId()) ? null : planId);
        return store.get(id);
    }

    /** Freezes through the end of {@code lastFrozenMonth}: those months charge the freeze fee and grant no credit. */
    @Transactional
    public Membership freeze(UUID id, YearMonth lastFrozenMonth) {
        Membership membership = live(id);
        if (membership.isFrozen() || lastFrozenMonth.isBefore(months.current())) {
            throw BillingFailure.conflict("cannotFreeze", membership.status().name());
        }
        store.freeze(id, lastFrozenMonth.atEndOfMonth());
        return store.get(id);
    }

    @Transactional
    public Membership unfreeze(UUID id) {
        Membership membership = live(id);
        if (!membership.isFrozen()) {
            throw BillingFailure.conflict("notFrozen", membership.status().name());
        }
        store.unfreeze(id);
        return store.get(id);
    }

    /**
     * Cancels with the plan's notice: billing stops after {@code today + noticeDays}, credits lapse
     * {@code daysAfterCancel} days later, and ending inside the minimum term adds the early-cancel fee.
     */
    @Transactional
    public Membership cancel(UUID id) {
        Membership membership = live(id);
        Plan plan = plans.get(membership.planId());
        LocalDate today = months.today();
        LocalDate endsOn = today.plusDays(plan.noticeDays());
        store.cancel(id, today, endsOn, months.startOf(endsOn.plusDays(plan.daysAfterCancel())));
        if (endsOn.isBefore(membership.startedOn().plusMonths(plan.minimumTermMonths()))
                && plan.earlyCancelFee().isPositive()) {
            UUID invoice = invoices.open(UUID.randomUUID(), membership.patientId(), null, id, null);
            invoices.addLine(
                    invoice,
                    Line.of(Kind.FEE, plan.earlyCancelFee(), "billing.line.earlyCancel", LineArg.names(plan.names())),
                    "early-cancel:" + id);
        }
        return store.get(id);
    }

    /**
     * Pauses a membership whose monthly dues could not be charged after the last retry: no credits can be used and
     * no further month is charged until that invoice is paid (which resumes it, see {@link BillingRun}).
     */
    @Transactional
    public void pause(UUID id) {
        store.lock(id);
        store.pause(id, months.now());
    }

    /** Whether the membership is paused for unpaid dues. */
    @Transactional(readOnly = true)
    public boolean paused(UUID id) {
        return store.paused(id);
    }

    /** Lets a household member use this membership's credits and prices; the member cannot share with themselves. */
    @Transactional
    public void shareWith(UUID id, UUID householdMember) {
        Membership membership = live(id);
        if (!plans.get(membership.planId()).householdSharing()) {
            throw BillingFailure.unprocessable("noSharing");
        }
        if (membership.patientId().equals(householdMember)) {
            throw BillingFailure.unprocessable("shareWithSelf");
        }
        store.addHousehold(id, householdMember);
    }

    /** Stops sharing with a household member; credits they already used stay used. */
    @Transactional
    public void stopSharing(UUID id, UUID householdMember) {
        store.lock(id);
        if (!store.removeHousehold(id, householdMember)) {
            throw BillingFailure.notFound("notInHousehold");
        }
    }

    /** The patients this membership is shared with. */
    @Transactional(readOnly = true)
    public List<UUID> household(UUID id) {
        return store.household(id);
    }

    @Transactional(readOnly = true)
    public Optional<Membership> usableBy(UUID patientId) {
        return store.usableBy(patientId, months.now());
    }

    @Transactional(readOnly = true)
    public List<Membership> ofPatient(UUID patientId) {
        return store.ofPatient(patientId);
    }

    @Transactional(readOnly = true)
    public List<CreditBalance> credits(UUID membershipId) {
        return ledger.balance(membershipId, months.now()).stream()
                .map(b -> new CreditBalance(b.serviceId(), b.minutes(), b.count()))
                .toList();
    }

    public Membership get(UUID id) {
        return store.get(id);
    }

    /**
     * Uses one credit for the appointment, locking the membership so two uses of the last credit cannot both
     * succeed: the second finds nothing left and gets {@code creditUnavailable} (409).
     */
    @Transactional
    public void useCredit(UUID membershipId, String serviceId, int minutes, UUID appointmentId) {
        store.lock(membershipId);
        try {
            ledger.use(membershipId, serviceId, minutes, appointmentId, months.now())
                    .orElseThrow(() -> BillingFailure.conflict("creditUnavailable"));
        } catch (DuplicateKeyException usedAlready) {
            throw BillingFailure.conflict("creditUnavailable");
        }
    }

    private Membership live(UUID id) {
        Membership membership = store.lock(id);
        if (membership.isCancelled()) {
            throw BillingFailure.conflict(
                    "membershipCancelled", membership.status().name());
        }
        return membership;
    }
}
