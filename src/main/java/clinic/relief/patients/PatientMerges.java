package clinic.relief.patients;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff changes to a patient's record: contact details (front desk and owner; the security rules admit them), and
 * merging a duplicate into the record kept (the owner only, checked here too). A merge is one transaction: both rows
 * are locked, every {@link PatientMergeParticipant} moves its records (appointments, waitlist, invoices, memberships,
 * coverages, prescriptions, claims, visits, notes, scores), the intakes and the portal account follow, the duplicate
 * is marked merged (never deleted) and the clinical audit trail records it on both patients. Thread-safe.
 */
@Service
public class PatientMerges {

    static final String RECORD_KIND = "patient";

    private final PatientRecordStore store;
    private final IntakeFormStore intakeForms;
    private final Patients patients;
    private final List<PatientMergeParticipant> participants;
    private final ClinicalAudit audit;
    private final Clock clock;

    PatientMerges(
            PatientRecordStore store,
            IntakeFormStore intakeForms,
            Patients patients,
            List<PatientMergeParticipant> participants,
            ClinicalAudit audit,
            Clock clock) {
        this.store = store;
        this.intakeForms = intakeForms;
        this.patients = patients;
        this.participants = participants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves new contact details.
     *
     * @throws UnknownPatient for no confirmed, unmerged patient with this id
     * @throws EmailTaken when another patient has the e-mail address
     */
    @Transactional
    public Patient updateContact(UUID id, ContactDetails details) {
        if (details.email() != null && store.emailTakenByOther(id, details.email())) {
            throw new EmailTaken();
        }
        if (!store.updateContact(id, details)) {
            throw new UnknownPatient(id);
        }
        return patients.get(id);
    }

    /** The patient a merged duplicate now belongs to; empty for a record that was never merged. */
    @Transactional(readOnly = true)
    public Optional<UUID> mergedInto(UUID id) {
        return store.mergedInto(id);
    }

    /**
     * Moves everything of {@code duplicate} to {@code kept} and marks the duplicate merged; returns how many records
     * moved.
     *
     * @throws MergeRefused for the same patient twice, an unknown, unconfirmed or already merged record, a caller
     *     who is not the owner, or records a participant cannot move (nothing changes then)
     */
    @Transactional
    public int merge(UUID duplicate, UUID kept) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null
                || !AuthorityUtils.authorityListToSet(who.getAuthorities()).contains("ROLE_OWNER")) {
            throw new MergeRefused("workspace.merge.refused.owner");
        }
        if (duplicate.equals(kept)) {
            throw new MergeRefused("workspace.merge.refused.same");
        }
        List<PatientRecordStore.MergeRow> rows = store.lock(duplicate, kept);
        if (rows.size() != 2 || rows.stream().anyMatch(r -> r.unverified() || r.merged())) {
            throw new MergeRefused("workspace.merge.refused.state");
        }
        int moved = store.moveIntakes(duplicate, kept)
                + store.moveAccount(duplicate, kept)
                + intakeForms.moveToPatient(duplicate, kept);
        try {
            for (PatientMergeParticipant participant : participants) {
                moved += participant.moveRecords(duplicate, kept);
            }
        } catch (DataIntegrityViolationException clash) {
            // Two live memberships, overlapping appointments, two vouchers for one visit: the owner sorts them first.
            throw new MergeRefused("workspace.merge.refused.conflict");
        }
        store.markMerged(duplicate, kept, clock.instant(), who.getName());
        audit.record(AuditAction.MERGE, RECORD_KIND, duplicate, kept);
        audit.record(AuditAction.MERGE, RECORD_KIND, duplicate, duplicate);
        return moved;
    }
}
