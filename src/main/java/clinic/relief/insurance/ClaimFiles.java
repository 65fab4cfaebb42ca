package clinic.relief.insurance;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files a claim becomes: the 837P batch that submits every ready claim (and moves them to submitted in the
 * same transaction), one claim's 837P again for the desk to download, and the packet the PDFs are drawn from.
 * Every export is in the clinical audit trail.
 */
@Service
public class ClaimFiles {

    /** The most claims (CLM segments) the 005010X222A1 guide recommends in one transaction set. */
    static final int CLAIMS_PER_SET = 5000;

    private final ClaimStore claims;
    private final CoverageStore coverages;
    private final PrescriptionStore prescriptions;
    private final Patients patients;
    private final Staff staff;
    private final BillingProvider provider;
    private final ClinicProfile clinic;
    private final ClinicalAudit audit;
    private final Clock clock;
    private final ClaimReadiness readiness;
    private final ClaimBatchStore batches;
    private final RenderingProviders renderings;
    private final Invoices invoices;
    private final ResubmissionStore resubmissions;
    private final ClaimExportStore exports;

    ClaimFiles(
            ClaimStore claims,
            CoverageStore coverages,
            PrescriptionStore prescriptions,
            Patients patients,
            Staff staff,
            BillingProvider provider,
            ClinicProfile clinic,
            ClinicalAudit audit,
            Clock clock,
            ClaimReadiness readiness,
            ClaimBatchStore batches,
            RenderingProviders renderings,
            Invoices invoices,
            ResubmissionStore resubmissions,
            ClaimExportStore exports) {
        this.claims = claims;
        this.coverages = coverages;
        this.prescriptions = prescriptions;
        this.patients = patients;
        this.staff = staff;
        this.provider = provider;
        this.clinic = clinic;
        this.audit = audit;
        this.clock = clock;
        this.readiness = readiness;
        this.batches = batches;
        this.renderings = renderings;
        this.invoices = invoices;
        this.resubmissions = resubmissions;
        this.exports = exports;
    }

    /** An 837P of every ready claim that is complete, which are submitted with it; empty when none is sent. */
    @Transactional
    public Optional<String> submitReady() {
        return submitBatch().flatMap(ClaimBatch::file);
    }

    /**
     * Submits every ready claim in one 837P batch. A ready claim that lacks something (a date of birth removed
     * since, a note voided ...) is held back: it goes back to draft and the batch lists it with what it lacks, while
     * the others are written and submitted. Empty when no claim is ready. The claims go in transaction sets of at
     * most {@value #CLAIMS_PER_SET} (the 837P guide's recommended limit), each recorded with its control numbers.
     */
    @Transactional
    public Optional<ClaimBatch> submitBatch() {
        return submitBatch(CLAIMS_PER_SET);
    }

    @Transactional
    Optional<ClaimBatch> submitBatch(int claimsPerSet) {
        List<Claim> ready = claims.inState(ClaimState.READY);
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        List<ClaimPacket> good = new ArrayList<>();
        List<ClaimBatch.Held> held = new ArrayList<>();
        for (Claim claim : ready) {
            ClaimPacket packet = packet(claim);
            List<ClaimGap> gaps = readiness.gaps(claim, packet.patient(), packet.rendering());
            if (gaps.isEmpty()) {
                good.add(packet);
            } else {
                held.add(new ClaimBatch.Held(claim.id(), claim.number(), gaps));
                claim.backToDraft();
                claims.update(claim);
                audit.record(
                        AuditAction.AMEND,
                        "insurance-claim",
                        claim.id(),
                        claim.facts().patientId());
            }
        }
        Optional<Long> control = Optional.empty();
        Optional<String> file = Optional.empty();
        List<List<ClaimPacket>> sets = new ArrayList<>();
        for (int from = 0; from < good.size(); from += claimsPerSet) {
            sets.add(good.subList(from, Math.min(good.size(), from + claimsPerSet)));
        }
        if (!good.isEmpty()) {
            control = Optional.of(claims.nextInterchangeNumber());
            file = Optional.of(x12(sets, control.get()));
            for (ClaimPacket packet : good) {
                Claim claim = packet.claim();
                claim.submit(clock.instant());
                claims.update(claim);
                audit.record(
                        AuditAction.EXPORT,
                        "insurance-claim",
                        claim.id(),
                        claim.facts().patientId());
            }
        }
        ClaimBatch batch = new ClaimBatch(
                UUID.randomUUID(),
                control,
                good.stream().map(g -> g.claim().id()).toList(),
                file,
                held);
        batches.insert(batch, clock.instant());
        control.ifPresent(
                number -> exports.insert(number, number, ids(sets), Optional.of(batch.id()), clock.instant()));
        return Optional.of(batch);
    }

    /** A batch written earlier, with the claims it held back. */
    @Transactional(readOnly = true)
    public ClaimBatch batch(UUID batchId) {
        return batches.find(batchId).orElseThrow(() -> new UnknownClaim(batchId));
    }

    /** A batch's 837P again; recorded as an export of each claim in it. */
    @Transactional
    public String batchFile(UUID batchId) {
        ClaimBatch batch = batch(batchId);
        String file = batch.file().orElseThrow(() -> new UnknownClaim(batchId));
        for (UUID id : batch.sent()) {
            claims.find(id)
                    .ifPresent(claim -> audit.record(
                            AuditAction.EXPORT,
                            "insurance-claim",
                            id,
                            claim.facts().patientId()));
        }
        return file;
    }

    /** What the claim still lacks before it may be ready (nothing: it may be). */
    @Transactional(readOnly = true)
    public List<ClaimGap> gapsOf(UUID claimId) {
        Claim claim = claims.find(claimId).orElseThrow(() -> new UnknownClaim(claimId));
        return gaps(claim);
    }

    List<ClaimGap> gaps(Claim claim) {
        return readiness.gaps(claim, patients.get(claim.facts().patientId()), rendering(claim));
    }

    /**
     * One claim's 837P, to download again; a draft is refused (it is not ready to send), and so is a claim whose
     * content is incomplete (its patient's date of birth removed since, say).
     */
    @Transactional
    public String x12Of(UUID claimId) {
        Claim claim = claims.find(claimId).orElseThrow(() -> new UnknownClaim(claimId));
        if (claim.state() == ClaimState.DRAFT) {
            throw new ClaimStateConflict(claim.number(), claim.state(), "write an 837P for");
        }
        ClaimPacket packet = packet(claim);
        List<ClaimGap> gaps = readiness.gaps(claim, packet.patient(), packet.rendering()).stream()
                .filter(ClaimGap::content)
                .toList();
        if (!gaps.isEmpty()) {
            throw new ClaimIncomplete(claim.number(), gaps);
        }
        audit.record(
                AuditAction.EXPORT, "insurance-claim", claim.id(), claim.facts().patientId());
        long control = claims.nextInterchangeNumber();
        exports.insert(control, control, List.of(List.of(claim.id())), Optional.empty(), clock.instant());
        return x12(List.of(List.of(packet)), control);
    }

    /** The claim with everything its forms need; recorded as an export. */
    @Transactional
    public ClaimPacket packetOf(UUID claimId) {
        Claim claim = claims.find(claimId).orElseThrow(() -> new UnknownClaim(claimId));
        audit.record(
                AuditAction.EXPORT, "insurance-claim", claim.id(), claim.facts().patientId());
        return packet(claim);
    }

    /** What the client has paid for the claim's visit so far: its invoice's payments less refunds. */
    @Transactional(readOnly = true)
    public Money clientPaid(Claim claim) {
        return invoices.forAppointment(claim.facts().appointmentId())
                .map(Invoice::paid)
                .orElse(Money.ZERO);
    }

    ClaimPacket packet(Claim claim) {
        Claim.Facts facts = claim.facts();
        Coverage coverage = coverages.find(facts.coverageId()).orElseThrow();
        Prescription prescription = facts.prescriptionId() == null
                ? null
                : prescriptions.find(facts.prescriptionId()).orElse(null);
        return new ClaimPacket(
                claim,
                patients.get(facts.patientId()),
                coverage,
                prescription,
                rendering(claim),
                provider.required(),
                resubmissions.of(claim.id()));
    }

    private ClaimPacket.Rendering rendering(Claim claim) {
        return staff.find(claim.facts().therapistId())
                .map(renderings::of)
                .orElseGet(() -> ClaimPacket.Rendering.of(
                        "",
                        null,
                        null,
                        provider.billing().map(b -> b.taxonomy()).orElse("")));
    }

    private String x12(List<List<ClaimPacket>> sets, long control) {
        return new Claim837Writer(provider.required(), clinic.phone())
                .writeSets(sets, control, ZonedDateTime.now(clock.withZone(clinic.zone())), true);
    }

    private static List<List<UUID>> ids(List<List<ClaimPacket>> sets) {
        return sets.stream()
                .map(set -> set.stream().map(p -> p.claim().id()).toList())
                .toList();
    }
}
