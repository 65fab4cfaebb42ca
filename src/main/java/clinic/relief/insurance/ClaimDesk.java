package clinic.relief.insurance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims as the desk works them: draft one for a completed appointment, change its lines, mark it ready, appeal,
 * and read them by state. Claims carry diagnoses: callers let only OWNER and FRONT_DESK in, and reads of a claim
 * are in the clinical audit trail.
 */
@Service
public class ClaimDesk {

    private final ClaimStore claims;
    private final ClaimDrafts drafts;
    private final BillingProvider provider;
    private final ClinicalAudit audit;
    private final ClaimFiles files;

    ClaimDesk(ClaimStore claims, ClaimDrafts drafts, BillingProvider provider, ClinicalAudit audit, ClaimFiles files) {
        this.files = files;
        this.claims = claims;
        this.drafts = drafts;
        this.provider = provider;
        this.audit = audit;
    }

    /**
     * The claim for a completed appointment, drafted now or earlier.
     *
     * @throws AppointmentNotCompleted when the appointment is booked, checked in, missed or cancelled
     * @throws NoCoverage when the patient has no coverage in force on the date of service
     */
    @Transactional
    public Claim draft(UUID appointmentId) {
        Claim claim = drafts.draft(appointmentId);
        audit.record(
                AuditAction.CREATE, "insurance-claim", claim.id(), claim.facts().patientId());
        return claim;
    }

    /** Sets a draft's minutes per CPT code ("97140" to 45 ...); units and charges follow from them. */
    @Transactional
    public Claim relines(UUID claimId, Map<String, Integer> minutesByCode) {
        Claim claim = load(claimId);
        Map<Cpt, Integer> minutes = new LinkedHashMap<>();
        minutesByCode.forEach((code, m) -> minutes.merge(Cpt.of(code), m, Integer::sum));
        claim.relines(ClaimLines.build(
                minutes,
                claim.charge(),
                claim.diagnoses().size(),
                provider.required().massageWithManualTherapy()));
        return save(claim, AuditAction.AMEND);
    }

    /**
     * Marks a draft ready to send.
     *
     * @throws ClaimIncomplete naming everything the claim lacks (a signed note, the patient's date of birth ...)
     */
    @Transactional
    public Claim markReady(UUID claimId) {
        Claim claim = load(claimId);
        claim.markReady(files.gaps(claim));
        return save(claim, AuditAction.AMEND);
    }

    @Transactional
    public Claim reopen(UUID claimId) {
        Claim claim = load(claimId);
        claim.backToDraft();
        return save(claim, AuditAction.AMEND);
    }

    @Transactional
    public Claim appeal(UUID claimId) {
        Claim claim = load(claimId);
        claim.appeal();
        return save(claim, AuditAction.AMEND);
    }

    /** One claim; recorded as a read. */
    @Transactional
    public Claim get(UUID claimId) {
        Claim claim = load(claimId);
        audit.record(
                AuditAction.READ, "insurance-claim", claim.id(), claim.facts().patientId());
        return claim;
    }

    @Transactional(readOnly = true)
    public List<Claim> inState(ClaimState state) {
        return claims.inState(state);
    }

    @Transactional(readOnly = true)
    public List<Claim> ofPatient(UUID patientId) {
        return claims.ofPatient(patientId);
    }

    private Claim load(UUID claimId) {
        return claims.find(claimId).orElseThrow(() -> new UnknownClaim(claimId));
    }

    private Claim save(Claim claim, AuditAction action) {
        claims.update(claim);
        audit.record(action, "insurance-claim", claim.id(), claim.facts().patientId());
        return claim;
    }
}
