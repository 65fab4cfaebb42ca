package clinic.relief.outcomes;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.painmap.KnowledgeBase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment notes: read (every read is audited), edit a draft, sign, amend (a new version), void. Each method checks
 * who asks first; a refused read leaves no audit row because it read nothing.
 */
@Service
class TreatmentNotes {

    static final String RECORD_KIND = "treatment-note";

    private final NoteStore notes;
    private final VisitStore visits;
    private final KnowledgeBase knowledge;
    private final ClinicalAudit audit;
    private final Clock clock;

    TreatmentNotes(NoteStore notes, VisitStore visits, KnowledgeBase knowledge, ClinicalAudit audit, Clock clock) {
        this.notes = notes;
        this.visits = visits;
        this.knowledge = knowledge;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every version of the visit's note, oldest first, with the changes each amendment made. */
    @Transactional
    public NoteHistory read(Reader reader, UUID appointmentId) {
        Visit visit = visit(appointmentId);
        if (!reader.mayRead(visit.patientId(), visits)) {
            throw new NoteAccessDenied();
        }
        List<TreatmentNote> versions = notes.versions(appointmentId);
        TreatmentNote latest = versions.get(versions.size() - 1);
        audit.record(AuditAction.READ, RECORD_KIND, latest.id(), visit.patientId());
        return new NoteHistory(visit, versions, NoteChanges.between(versions));
    }

    /** Saves the draft's content. */
    @Transactional
    public TreatmentNote save(Reader reader, UUID appointmentId, NoteContent content) {
        TreatmentNote latest = writable(reader, appointmentId);
        if (latest.isSigned()) {
            throw new NoteStateConflict("outcomes.note.conflict.signed");
        }
        check(content);
        notes.update(latest.id(), content, clock.instant());
        audit.record(AuditAction.CREATE, RECORD_KIND, latest.id(), latest.patientId());
        return latest(appointmentId);
    }

    /** Signs the draft; from now on it never changes. */
    @Transactional
    public TreatmentNote sign(Reader reader, UUID appointmentId) {
        TreatmentNote latest = writable(reader, appointmentId);
        if (latest.isSigned()) {
            throw new NoteStateConflict("outcomes.note.conflict.signed");
        }
        notes.sign(latest.id(), reader.name(), clock.instant());
        audit.record(AuditAction.SIGN, RECORD_KIND, latest.id(), latest.patientId());
        return latest(appointmentId);
    }

    /** Starts an amendment: a new draft version holding the signed one's content. */
    @Transactional
    public TreatmentNote amend(Reader reader, UUID appointmentId) {
        TreatmentNote latest = writable(reader, appointmentId);
        if (!latest.isSigned()) {
            throw new NoteStateConflict("outcomes.note.conflict.draft");
        }
        UUID id = UUID.randomUUID();
        notes.insert(id, appointmentId, latest.version() + 1, latest.id(), latest.content(), clock.instant());
        audit.record(AuditAction.AMEND, RECORD_KIND, id, latest.patientId());
        return latest(appointmentId);
    }

    /** Voids the visit's note with a reason: the therapist of the visit or the owner. Nothing is deleted. */
    @Transactional
    public void voidNote(Reader reader, UUID appointmentId, String reason) {
        Visit visit = visit(appointmentId);
        if (!reader.mayWrite(visit) && !reader.isOwner()) {
            throw new NoteAccessDenied();
        }
        TreatmentNote latest = latest(appointmentId);
        if (latest.isVoided()) {
            throw new NoteStateConflict("outcomes.note.conflict.voided");
        }
        if (reason == null || reason.isBlank() || reason.length() > NoteContent.MAX_TEXT) {
            throw new InvalidNote("reason", "outcomes.error.voidReason");
        }
        notes.voidNote(appointmentId, reason.strip(), reader.name(), clock.instant());
        audit.record(AuditAction.VOID, RECORD_KIND, latest.id(), latest.patientId());
    }

    private TreatmentNote writable(Reader reader, UUID appointmentId) {
        Visit visit = visit(appointmentId);
        if (!reader.mayWrite(visit)) {
            throw new NoteAccessDenied();
        }
        TreatmentNote latest = latest(appointmentId);
        if (latest.isVoided()) {
            throw new NoteStateConflict("outcomes.note.conflict.voided");
        }
        return latest;
    }

    private TreatmentNote latest(UUID appointmentId) {
        List<TreatmentNote> versions = notes.versions(appointmentId);
        return versions.get(versions.size() - 1);
    }

    private Visit visit(UUID appointmentId) {
        return visits.find(appointmentId).orElseThrow(() -> new UnknownVisit(appointmentId));
    }

    /** Region and muscle ids must be the knowledge base's. */
    void check(NoteContent content) {
        checkRegions(content.painRegions(), "painRegions");
        checkRegions(content.treatedRegions(), "treatedRegions");
        for (Finding finding : content.findings()) {
            if (knowledge.muscle(finding.muscle()) == null) {
                throw new InvalidNote("findings", "outcomes.error.muscle");
            }
        }
    }

    private void checkRegions(Set<String> regions, String field) {
        if (regions.stream().anyMatch(id -> knowledge.regionOf(id) == null)) {
            throw new InvalidNote(field, "outcomes.error.region");
        }
    }
}
