package clinic.relief.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentCompleted;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.SavedAssessment;
import clinic.relief.patients.VerificationToken;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When an appointment completes, records the visit and drafts its note with the pain map of the pain finder
 * assessment that came with the booking, if any. Booking calls it as a participant in the completion's transaction:
 * the visit and draft commit with the completion or not at all.
 */
@Component
@EnableConfigurationProperties(OutcomesSettings.class)
class VisitDrafting implements BookingParticipant {

    private final VisitStore visits;
    private final NoteStore notes;
    private final AppointmentBook appointments;
    private final Assessments assessments;
    private final ClinicalAudit audit;
    private final OutcomesSettings settings;
    private final Clock clock;

    VisitDrafting(
            VisitStore visits,
            NoteStore notes,
            AppointmentBook appointments,
            Assessments assessments,
            ClinicalAudit audit,
            OutcomesSettings settings,
            Clock clock) {
        this.visits = visits;
        this.notes = notes;
        this.appointments = appointments;
        this.assessments = assessments;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void completed(AppointmentCompleted completed) {
        draft(completed, appointments.get(completed.appointmentId()).assessmentId());
    }

    /** Records the visit and its draft note, once per appointment. */
    void draft(AppointmentCompleted completed, UUID assessmentId) {
        Instant now = clock.instant();
        Visit visit = new Visit(
                completed.appointmentId(),
                completed.patientId(),
                completed.therapistId(),
                completed.serviceId(),
                completed.minutes(),
                completed.start(),
                assessmentId,
                1,
                now.plus(settings.linkValidFor()));
        // The link is issued when the therapist opens it from the note; until then the stored hash opens nothing.
        if (!visits.add(visit, VerificationToken.random().hash(), now)) {
            return;
        }
        Set<String> painMap = assessmentId == null
                ? Set.of()
                : assessments
                        .find(assessmentId)
                        .map(SavedAssessment::query)
                        .map(q -> (Set<String>) q.regions())
                        .orElse(Set.of());
        UUID noteId = UUID.randomUUID();
        notes.insert(noteId, completed.appointmentId(), 1, null, NoteContent.draft(painMap), now);
        audit.recordAs(
                "relief", "SYSTEM", AuditAction.CREATE, TreatmentNotes.RECORD_KIND, noteId, completed.patientId());
    }
}
