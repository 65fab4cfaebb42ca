package clinic.relief.insurance;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.billing.PatientShareDetermined;
import clinic.relief.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts an 835 to the claims it names, in one transaction: a file that does not read, names a claim we never sent
 * or would move a claim the wrong way posts nothing. Each claim payment is posted once (re-importing the same file
 * skips what is already posted); the payer's answer moves the claim to paid, partly paid or denied, and the
 * patient's share goes to billing as {@link PatientShareDetermined}.
 */
@Service
public class Remittances {

    private final ClaimStore claims;
    private final ApplicationEventPublisher events;
    private final ClinicalAudit audit;
    private final Clock clock;

    Remittances(ClaimStore claims, ApplicationEventPublisher events, ClinicalAudit audit, Clock clock) {
        this.claims = claims;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an import did: claim payments posted now and those posted by an earlier import of the same lines. */
    public record Imported(int posted, int alreadyPosted) {}

    @Transactional
    public Imported importFile(String content) {
        Remittance remittance = Remittance.read(content);
        List<String> unknown = remittance.payments().stream()
                .map(Remittance.ClaimPayment::claimId)
                .filter(id -> number(id).flatMap(claims::lockByNumber).isEmpty())
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownClaimsInRemittance(unknown);
        }
        int posted = 0;
        for (Remittance.ClaimPayment payment : remittance.payments()) {
            if (post(payment)) {
                posted++;
            }
        }
        return new Imported(posted, remittance.payments().size() - posted);
    }

    private boolean post(Remittance.ClaimPayment payment) {
        if (!claims.insertPayment(number(payment.claimId()).orElseThrow(), payment, clock.instant())) {
            return false;
        }
        Claim claim =
                claims.lockByNumber(number(payment.claimId()).orElseThrow()).orElseThrow();
        claim.settle(outcome(payment), payment.paid(), payment.patientShare());
        claims.update(claim);
        audit.record(
                AuditAction.AMEND, "insurance-claim", claim.id(), claim.facts().patientId());
        if (payment.patientShare().isPositive()) {
            events.publishEvent(new PatientShareDetermined(
                    claim.facts().patientId(),
                    claim.facts().appointmentId(),
                    payment.patientShare(),
                    "835:" + payment.reference()));
        }
        return true;
    }

    /**
     * Denied when the payer says so (CLP02 = 4) or neither it nor the patient owes anything; paid when the payment,
     * the patient's share and the contractual write-off account for the whole charge; otherwise partly paid.
     */
    static ClaimState outcome(Remittance.ClaimPayment p) {
        if (p.status().equals("4") || (p.paid().isZero() && p.patientShare().isZero())) {
            return ClaimState.DENIED;
        }
        Money accounted = p.paid().plus(p.patientShare()).plus(p.contractual());
        return accounted.compareTo(p.charge()) >= 0 ? ClaimState.PAID : ClaimState.PARTLY_PAID;
    }

    private static Optional<Long> number(String claimId) {
        return claimId != null && claimId.matches("R[0-9]{1,15}")
                ? Optional.of(Long.parseLong(claimId.substring(1)))
                : Optional.empty();
    }
}
