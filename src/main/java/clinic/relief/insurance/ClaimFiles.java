package clinic.relief.insurance;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files a claim becomes: the 837P batch that submits every ready claim (and moves them to submitted in the
 * same transaction), one claim's 837P again for the desk to download, and the packet the PDFs are drawn from.
 * Every export is in the clinical audit trail.
 */
@Service
public class ClaimFiles {

    private final ClaimStore claims;
    private final CoverageStore coverages;
    private final PrescriptionStore prescriptions;
    private final Patients patients;
    private final Staff staff;
    private final BillingProvider provider;
    private final ClinicProfile clinic;
    private final ClinicalAudit audit;
    private final Clock clock;

    ClaimFiles(
            ClaimStore claims,
            CoverageStore coverages,
            PrescriptionStore prescriptions,
            Patients patients,
            Staff staff,
            BillingProvider provider,
            ClinicProfile clinic,
            ClinicalAudit audit,
            Clock clock) {
        this.claims = claims;
        this.coverages = coverages;
        this.prescriptions = prescriptions;
        this.patients = patients;
        this.staff = staff;
        this.provider = provider;
        this.clinic = clinic;
        this.audit = audit;
        this.clock = clock;
    }

    /** An 837P of every ready claim, which are submitted with it; empty when none is ready. */
    @Transactional
    public Optional<String> submitReady() {
        List<Claim> ready = claims.inState(ClaimState.READY);
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        String file = x12(ready.stream().map(this::packet).toList());
        for (Claim claim : ready) {
            claim.submit(clock.instant());
            claims.update(claim);
            audit.record(
                    AuditAction.EXPORT,
                    "insurance-claim",
                    claim.id(),
                    claim.facts().patientId());
        }
        return Optional.of(file);
    }

    /** One claim's 837P, to download again; a draft is refused (it is not ready to send). */
    @Transactional
    public String x12Of(UUID claimId) {
        Claim claim = claims.find(claimId).orElseThrow(() -> new UnknownClaim(claimId));
        if (claim.state() == ClaimState.DRAFT) {
            throw new ClaimStateConflict(claim.number(), claim.state(), "write an 837P for");
        }
        audit.record(
                AuditAction.EXPORT, "insurance-claim", claim.id(), claim.facts().patientId());
        return x12(List.of(packet(claim)));
    }

    /** The claim with everything its forms need; recorded as an export. */
    @Transactional
    public ClaimPacket packetOf(UUID claimId) {
        Claim claim = claims.find(claimId).orElseThrow(() -> new UnknownClaim(claimId));
        audit.record(
                AuditAction.EXPORT, "insurance-claim", claim.id(), claim.facts().patientId());
        return packet(claim);
    }

    ClaimPacket packet(Claim claim) {
        Claim.Facts facts = claim.facts();
        Coverage coverage = coverages.find(facts.coverageId()).orElseThrow();
        Prescription prescription = facts.prescriptionId() == null
                ? null
                : prescriptions.find(facts.prescriptionId()).orElse(null);
        StaffMember therapist = staff.find(facts.therapistId()).orElse(null);
        ClaimPacket.Rendering rendering = therapist == null
                ? ClaimPacket.Rendering.of("", null, null)
                : ClaimPacket.Rendering.of(
                        therapist.displayName(),
                        provider.renderingNpi(therapist.email()).orElse(null),
                        therapist.licenseNumber());
        return new ClaimPacket(
                claim, patients.get(facts.patientId()), coverage, prescription, rendering, provider.required());
    }

    private String x12(List<ClaimPacket> packets) {
        long control = claims.nextInterchangeNumber();
        return new Claim837Writer(provider.required(), clinic.phone())
                .write(packets, control, ZonedDateTime.now(clock.withZone(clinic.zone())), true);
    }
}
