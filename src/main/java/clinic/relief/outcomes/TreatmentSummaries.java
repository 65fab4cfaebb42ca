package clinic.relief.outcomes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.painmap.KnowledgeBase;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the staff workspace shows of a client's treatment before a session: the trigger points of their last signed
 * note and their pain before and after each visit. Reads follow the notes' rule (the owner; a therapist who has
 * treated the client; never the front desk) and each read is written to the clinical audit trail exactly as opening
 * the note and the progress charts is; a refused read returns nothing and records nothing. Thread-safe.
 */
@Service
public class TreatmentSummaries {

    private static final int PAIN_VISITS = 6;
    private static final int CLEAR_CHANGE = 2;

    private final VisitStore visits;
    private final NoteStore notes;
    private final PainStore pain;
    private final NoteChoices choices;
    private final KnowledgeBase knowledge;
    private final Readers readers;
    private final ClinicalAudit audit;
    private final ZoneId zone;

    TreatmentSummaries(
            VisitStore visits,
            NoteStore notes,
            PainStore pain,
            NoteChoices choices,
            KnowledgeBase knowledge,
            Readers readers,
            ClinicalAudit audit,
            ClinicProfile clinic) {
        this.visits = visits;
        this.notes = notes;
        this.pain = pain;
        this.choices = choices;
        this.knowledge = knowledge;
        this.readers = readers;
        this.audit = audit;
        this.zone = clinic.zone();
    }

    /** A trigger point the last signed note found, named in the reader's language. */
    public record FoundPoint(String muscle, String side, boolean active, int tenderness) {}

    /** Pain (0-10) before and after one visit; either may be missing. */
    public record PainVisit(
            LocalDate date,
            @Nullable Integer before,
            @Nullable Integer after) {}

    /** How the client's pain before a session moved from their first scored visit to their latest. */
    public enum Trend {
        BETTER,
        WORSE,
        STEADY,
        TOO_EARLY
    }

    /**
     * The client's treatment at a glance: the last signed note's date and findings (empty before the first signed
     * note) and the last visits' pain, oldest first.
     */
    public record Summary(
            @Nullable LocalDate lastNoteOn, List<FoundPoint> lastFindings, List<PainVisit> pain, Trend trend) {}

    /**
     * The summary of one client for the signed-in staff member, audited as a read of the note and of the progress;
     * empty when they may not read this client's notes.
     */
    @Transactional
    public Optional<Summary> of(UUID patientId, Authentication who, Locale locale) {
        Reader reader;
        try {
            reader = readers.of(who);
        } catch (NoteAccessDenied denied) {
            return Optional.empty();
        }
        if (!reader.mayRead(patientId, visits)) {
            return Optional.empty();
        }
        Optional<TreatmentNote> last = lastSigned(patientId);
        last.ifPresent(note -> audit.record(AuditAction.READ, TreatmentNotes.RECORD_KIND, note.id(), patientId));
        audit.record(AuditAction.READ, Progress.RECORD_KIND, patientId, patientId);
        List<PainStore.Visit> history = pain.history(patientId);
        List<PainVisit> recent = history.stream()
                .skip(Math.max(0, history.size() - PAIN_VISITS))
                .map(v -> new PainVisit(LocalDate.ofInstant(v.start(), zone), v.before(), v.after()))
                .toList();
        return Optional.of(new Summary(
                last.map(n -> LocalDate.ofInstant(n.signedAt(), zone)).orElse(null),
                last.map(n -> points(n, locale)).orElse(List.of()),
                recent,
                trend(history)));
    }

    private Optional<TreatmentNote> lastSigned(UUID patientId) {
        Map<UUID, Visit> byAppointment = visits.ofPatient(patientId).stream()
                .collect(Collectors.toMap(Visit::appointmentId, Function.identity()));
        if (byAppointment.isEmpty()) {
            return Optional.empty();
        }
        return notes.latest(List.copyOf(byAppointment.keySet())).stream()
                .filter(n -> n.isSigned() && !n.isVoided())
                .max(Comparator.comparing(
                        n -> byAppointment.get(n.appointmentId()).start()));
    }

    private List<FoundPoint> points(TreatmentNote note, Locale locale) {
        return note.content().findings().stream()
                .map(f -> new FoundPoint(
                        choices.muscleName(f.muscle(), locale),
                        knowledge.sideLabel(f.side()).in(NoteChoices.lang(locale)),
                        f.active(),
                        f.tenderness()))
                .toList();
    }

    /** First scored pain before a session against the latest: two points or more is a change worth naming. */
    static Trend trend(List<PainStore.Visit> history) {
        List<Integer> before = history.stream()
                .map(PainStore.Visit::before)
                .filter(v -> v != null)
                .toList();
        if (before.size() < 2) {
            return Trend.TOO_EARLY;
        }
        int change = before.get(before.size() - 1) - before.get(0);
        if (change <= -CLEAR_CHANGE) {
            return Trend.BETTER;
        }
        return change >= CLEAR_CHANGE ? Trend.WORSE : Trend.STEADY;
    }
}
