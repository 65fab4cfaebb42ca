package clinic.relief.insurance;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ResubmissionStore resubmissions;
    private final Clock clock;

    ClaimDesk(
            ClaimStore claims,
            ClaimDrafts drafts,
            BillingProvider provider,
            ClinicalAudit audit,
            ClaimFiles files,
            ResubmissionStore resubmissions,
            Clock clock) {
        this.resubmissions = resubmissions;
        this.clock = clock;
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

    /**
     * Opens an adjudicated claim (paid, partly paid or denied) as a draft to correct; once ready it goes out as a
     * replacement (CLM05-3 = 7) naming the payer's claim number.
     */
    @Transactional
    public Claim correct(UUID claimId, String payerClaimNumber, String by) {
        Resubmission resubmission = new Resubmission(Resubmission.Kind.CORRECTED, payerClaimNumber);
        Claim claim = load(claimId);
        claim.reopenForCorrection();
        resubmissions.save(claimId, resubmission, by, clock.instant());
        return save(claim, AuditAction.AMEND);
    }

    /** Makes an adjudicated claim ready to go out as a void (CLM05-3 = 8) naming the payer's claim number. */
    @Transactional
    public Claim voidClaim(UUID claimId, String payerClaimNumber, String by) {
        Resubmission resubmission = new Resubmission(Resubmission.Kind.VOID, payerClaimNumber);
        Claim claim = load(claimId);
        claim.readyToVoid();
        resubmissions.save(claimId, resubmission, by, clock.instant());
        return save(claim, AuditAction.AMEND);
    }

    /** The claim's resubmission, if it was corrected or voided. */
    @Transactional(readOnly = true)
    public Optional<Resubmission> resubmissionOf(UUID claimId) {
        return resubmissions.of(claimId);
    }

    /** The payer's claim number from the latest 835 posted to the claim, to fill the correct/void form. */
    @Transactional(readOnly = true)
    public Optional<String> payerClaimNumber(UUID claimId) {
        return resubmissions.lastPayerClaimNumber(claimId);
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
