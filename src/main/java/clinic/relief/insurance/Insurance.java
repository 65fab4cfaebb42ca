package clinic.relief.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insurance's API: a patient's coverage, prescriptions and eligibility checks, and the warnings the desk sees
 * before booking an insured visit. Coverage and prescriptions are health data: callers let only OWNER and
 * FRONT_DESK reach the recording and reading methods; every read and change is in the clinical audit trail.
 * {@link #warnings} names no diagnosis and may be shown wherever appointments are booked.
 */
@Service
public class Insurance {

    private final CoverageStore coverages;
    private final PrescriptionStore prescriptions;
    private final Patients patients;
    private final ClinicalAudit audit;
    private final Clock clock;
    private final ClinicProfile clinic;

    Insurance(
            CoverageStore coverages,
            PrescriptionStore prescriptions,
            Patients patients,
            ClinicalAudit audit,
            Clock clock,
            ClinicProfile clinic) {
        this.coverages = coverages;
        this.prescriptions = prescriptions;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.clinic = clinic;
    }

    /** Records a coverage from the form. */
    @Transactional
    public Coverage recordCoverage(UUID patientId, CoverageForm form) {
        patients.get(patientId);
        Coverage coverage = form.toCoverage(UUID.randomUUID(), patientId);
        coverages.insert(coverage, actor(), clock.instant());
        audit.record(AuditAction.CREATE, "insurance-coverage", coverage.id(), patientId);
        return coverage;
    }

    /** Records a prescription; throws {@link InvalidCode} for a wrong NPI or a malformed or retired diagnosis. */
    @Transactional
    public Prescription recordPrescription(UUID patientId, PrescriptionForm form) {
        patients.get(patientId);
        Prescription prescription = form.toPrescription(UUID.randomUUID(), patientId);
        prescriptions.insert(prescription, actor(), clock.instant());
        audit.record(AuditAction.CREATE, "insurance-prescription", prescription.id(), patientId);
        return prescription;
    }

    /** Records what the payer said about the coverage's eligibility. */
    @Transactional
    public EligibilityCheck recordEligibility(UUID coverageId, EligibilityForm form) {
        Coverage coverage = coverages.find(coverageId).orElseThrow(() -> new UnknownCoverage(coverageId));
        EligibilityCheck check = new EligibilityCheck(
                UUID.randomUUID(),
                coverageId,
                clock.instant(),
                actor(),
                form.active(),
                form.visitsLeft(),
                blankToNull(form.reference()),
                blankToNull(form.note()));
        prescriptions.insertCheck(check);
        audit.record(AuditAction.CREATE, "insurance-eligibility", check.id(), coverage.patientId());
        return check;
    }

    /** Everything on file for the patient, for the desk's insurance page; recorded as a read. */
    @Transactional
    public PatientInsurance ofPatient(UUID patientId) {
        var patient = patients.get(patientId);
        List<Coverage> all = coverages.ofPatient(patientId);
        List<Prescription> scripts = prescriptions.ofPatient(patientId);
        audit.record(AuditAction.READ, "insurance-record", patientId, patientId);
        LocalDate today = today();
        List<CoverageChecks> withChecks = all.stream()
                .map(c -> new CoverageChecks(c, prescriptions.checks(c.id())))
                .toList();
        return new PatientInsurance(patient, withChecks, scripts, warnings(patientId, today), today, clinic.zone());
    }

    /**
     * Warnings for an insured visit of the patient on the clinic date: visits or authorization running out,
     * prescription expired, eligibility not checked. Empty when the patient has no coverage on that date.
     */
    @Transactional(readOnly = true)
    public List<InsuranceWarning> warnings(UUID patientId, LocalDate date) {
        Optional<Coverage> coverage = coverages.activeOn(patientId, date);
        if (coverage.isEmpty()) {
            return List.of();
        }
        Optional<EligibilityCheck> last =
                prescriptions.checks(coverage.get().id()).stream().findFirst();
        return InsuranceWarnings.of(coverage.get(), prescriptions.ofPatient(patientId), last, date);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(clinic.zone()));
    }

    static String actor() {
        var who = SecurityContextHolder.getContext().getAuthentication();
        return who == null ? "system" : who.getName();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
