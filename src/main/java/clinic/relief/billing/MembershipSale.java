package clinic.relief.billing;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Selling a membership at the desk: enrol (which charges the first month), then, when the patient has a card on
 * file, charge that month's invoice at once, outside the enrolment's transaction. The message key it returns says
 * what really happened: paid by card, declined, waiting for the patient's bank, or left for the desk.
 */
@Service
class MembershipSale {

    private final Memberships memberships;
    private final BillingRun run;
    private final ClinicMonths months;
    private final ObjectProvider<MembershipAutopay> autopay;

    MembershipSale(
            Memberships memberships, BillingRun run, ClinicMonths months, ObjectProvider<MembershipAutopay> autopay) {
        this.memberships = memberships;
        this.run = run;
        this.months = months;
        this.autopay = autopay;
    }

    /** Enrols the patient in the plan; the message key describing the first month's charge. */
    String sell(UUID patientId, String planId) {
        Membership membership = memberships.enrol(patientId, planId);
        if (!run.creditsHeld(membership.id(), months.current())) {
            return "billing.enrolled";
        }
        UUID invoice = run.invoiceOf(membership.id(), months.current()).orElseThrow();
        MembershipAutopay.Outcome outcome = autopay.orderedStream()
                .findFirst()
                .map(a -> a.chargeNow(invoice))
                .orElse(MembershipAutopay.Outcome.PENDING);
        return switch (outcome) {
            case PAID -> "billing.enrolled.paid";
            case DECLINED -> "billing.enrolled.declined";
            case NEEDS_AUTHENTICATION -> "billing.enrolled.authentication";
            case PENDING -> "billing.enrolled.pending";
        };
    }
}
