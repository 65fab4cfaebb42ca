package clinic.relief.workspace.today;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import clinic.relief.outcomes.TreatmentSummaries;
import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Lang;
import clinic.relief.painmap.Muscle;
import clinic.relief.painmap.SavedAssessment;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's Today: their own clients of the day with the pain finder result each came with, the last note's
 * findings and their pain trend. Every clinical read is audited: the assessment here, the notes and pain by
 * {@link TreatmentSummaries}.
 */
@Component
class TherapistToday {

    static final String ASSESSMENT_KIND = "pain-finder-assessment";
    private static final int FINDER_MUSCLES = 3;

    private final AppointmentBook book;
    private final Assessments assessments;
    private final KnowledgeBase knowledge;
    private final TreatmentSummaries summaries;
    private final ClinicalAudit audit;
    private final BookingViews views;

    TherapistToday(
            AppointmentBook book,
            Assessments assessments,
            KnowledgeBase knowledge,
            TreatmentSummaries summaries,
            ClinicalAudit audit,
            BookingViews views) {
        this.book = book;
        this.assessments = assessments;
        this.knowledge = knowledge;
        this.summaries = summaries;
        this.audit = audit;
        this.views = views;
    }

    @Transactional
    List<ClientCard> clients(UUID therapistId, LocalDate date, Authentication who, Locale locale) {
        return book.day(date, therapistId).stream()
                .filter(a -> a.status() != AppointmentStatus.CANCELLED && a.status() != AppointmentStatus.PENDING)
                .map(a -> card(a, who, locale))
                .toList();
    }

    private ClientCard card(AppointmentView a, Authentication who, Locale locale) {
        Optional<SavedAssessment> finder =
                a.assessmentId() == null ? Optional.empty() : assessments.find(a.assessmentId());
        finder.ifPresent(s -> audit.record(
                AuditAction.READ, ASSESSMENT_KIND, s.id(), a.patient().id()));
        Lang lang = "es".equals(locale.getLanguage()) ? Lang.ES : Lang.EN;
        List<String> muscles = finder.map(s -> s.result().candidates().stream()
                        .limit(FINDER_MUSCLES)
                        .map(c -> muscleName(c.muscle(), lang) + " ("
                                + knowledge.sideLabel(c.side()).in(lang) + ")")
                        .toList())
                .orElse(List.of());
        return new ClientCard(
                views.time(a.start(), locale),
                a.patient().fullName(),
                a.service().name(locale) + " · " + a.minutes() + " min" + (a.room() == null ? "" : " · " + a.room()),
                a.deskState(),
                "/staff/schedule/appointments/" + a.id(),
                a.status() == AppointmentStatus.COMPLETED ? "/staff/notes/" + a.id() : null,
                finder.isPresent(),
                muscles,
                finder.map(s -> s.result().referral() != null).orElse(false),
                summaries.of(a.patient().id(), who, locale));
    }

    private String muscleName(String id, Lang lang) {
        Muscle muscle = knowledge.muscle(id);
        return muscle == null ? id : muscle.name().in(lang);
    }
}
