package clinic.relief.outcomes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's treatment notes for the patient chart, with the same rule and audit as the note page: the owner reads
 * every client's notes, a therapist those of clients they have treated, the front desk none. Each note listed is a
 * read and is written to the clinical audit trail (as {@code treatment-note}, its latest version) in the same
 * transaction; a refused read writes nothing. Thread-safe.
 */
@Service
public class PatientNotes {

    /**
     * One visit's note as the chart lists it, newest visit first. {@code state} is none, draft, signed or voided;
     * {@code muscles} the knowledge base ids of the trigger points found.
     */
    public record Summary(
            UUID appointmentId,
            Instant visitStart,
            int visitNumber,
            String state,
            String assessment,
            List<String> muscles,
            String signedBy) {}

    private final Readers readers;
    private final VisitStore visits;
    private final NoteStore notes;
    private final ClinicalAudit audit;

    PatientNotes(Readers readers, VisitStore visits, NoteStore notes, ClinicalAudit audit) {
        this.readers = readers;
        this.visits = visits;
        this.notes = notes;
        this.audit = audit;
    }

    /** Whether the signed-in staff member may read this client's notes; an unknown account may not. */
    @Transactional(readOnly = true)
    public boolean mayRead(Authentication auth, UUID patientId) {
        try {
            return readers.of(auth).mayRead(patientId, visits);
        } catch (NoteAccessDenied unknownAccount) {
            return false;
        }
    }

    /**
     * The client's notes, newest visit first, each read recorded in the audit trail.
     *
     * @throws NoteAccessDenied when {@link #mayRead} is false
     */
    @Transactional
    public List<Summary> ofPatient(Authentication auth, UUID patientId) {
        if (!readers.of(auth).mayRead(patientId, visits)) {
            throw new NoteAccessDenied();
        }
        List<Visit> seen = visits.ofPatient(patientId);
        Map<UUID, TreatmentNote> latest = notes
                .latest(seen.stream().map(Visit::appointmentId).toList())
                .stream()
                .collect(Collectors.toMap(TreatmentNote::appointmentId, Function.identity()));
        latest.values()
                .forEach(note -> audit.record(AuditAction.READ, TreatmentNotes.RECORD_KIND, note.id(), patientId));
        return seen.stream()
                .sorted(Comparator.comparing(Visit::start).reversed())
                .map(visit -> summary(visit, latest.get(visit.appointmentId())))
                .toList();
    }

    private static Summary summary(Visit visit, TreatmentNote note) {
        return new Summary(
                visit.appointmentId(),
                visit.start(),
                visit.number(),
                NoteView.state(note),
                note == null ? "" : note.content().assessment(),
                note == null
                        ? List.of()
                        : note.content().findings().stream()
                                .map(Finding::muscle)
                                .distinct()
                                .toList(),
                note == null || note.signedBy() == null ? "" : note.signedBy());
    }
}
