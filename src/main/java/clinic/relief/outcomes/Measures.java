package clinic.relief.outcomes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes outcome measures for a visit: pain before and after (from the therapist or the client's link) and the
 * questionnaires due. Every value is checked before anything is stored; a value out of range saves nothing. Recording
 * pain after a session applies the relief guarantee once.
 */
@Service
class Measures {

    static final String RECORD_KIND = "outcome-score";

    private final PainStore pain;
    private final ResponseStore responses;
    private final NoteStore notes;
    private final ReliefGuarantee guarantee;
    private final OutcomesSettings settings;
    private final QuestionnaireDefinitions definitions;
    private final ClinicalAudit audit;
    private final Clock clock;

    Measures(
            PainStore pain,
            ResponseStore responses,
            NoteStore notes,
            ReliefGuarantee guarantee,
            OutcomesSettings settings,
            QuestionnaireDefinitions definitions,
            ClinicalAudit audit,
            Clock clock) {
        this.pain = pain;
        this.responses = responses;
        this.notes = notes;
        this.guarantee = guarantee;
        this.settings = settings;
        this.definitions = definitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who entered a value: a staff member's sign-in name and role, or the client through their link. */
    record Actor(String name, String role) {

        static final Actor CLIENT_LINK = new Actor("client-link", "PATIENT");
    }

    /**
     * Records pain before and/or after (null leaves a value as it is); then applies the guarantee once.
     *
     * @throws InvalidScore for a value off the scale
     * @throws PainScoresFinal once the visit's note is signed (an amendment opens them again); nothing changes
     */
    @Transactional
    public Pain recordPain(Visit visit, Integer before, Integer after, Actor actor) {
        check(before, "before");
        check(after, "after");
        if (notes.painFinal(visit.appointmentId(), true)) {
            throw new PainScoresFinal(visit.appointmentId());
        }
        pain.record(visit.appointmentId(), before, after, actor.name(), clock.instant());
        audit.recordAs(
                actor.name(), actor.role(), AuditAction.CREATE, RECORD_KIND, visit.appointmentId(), visit.patientId());
        Pain now = pain.of(visit.appointmentId()).orElseThrow();
        if (guarantee.fallsShort(now)) {
            guarantee.offerOnce(visit, now);
        }
        return now;
    }

    /** Whether the visit's pain scores can no longer change (its note is signed). */
    @Transactional(readOnly = true)
    public boolean painFinal(Visit visit) {
        return notes.painFinal(visit.appointmentId(), false);
    }

    /** Scores and stores a questionnaire; {@code activities} only for the PSFS. */
    @Transactional
    public Score recordQuestionnaire(
            Visit visit, Instrument instrument, List<Integer> answers, List<String> activities, Actor actor) {
        if (instrument == Instrument.NPRS || !definitions.offers(instrument)) {
            throw new InvalidScore("instrument", "outcomes.score.unknownInstrument");
        }
        Score score = Score.of(instrument, answers);
        if (instrument == Instrument.PSFS
                && (activities == null
                        || activities.size() != answers.size()
                        || activities.stream().anyMatch(a -> a == null || a.isBlank() || a.length() > 200))) {
            throw new InvalidScore("activities", "outcomes.score.activities");
        }
        responses.record(
                visit,
                score,
                answers,
                instrument == Instrument.PSFS ? activities : null,
                actor.name(),
                clock.instant());
        audit.recordAs(
                actor.name(), actor.role(), AuditAction.CREATE, RECORD_KIND, visit.appointmentId(), visit.patientId());
        return score;
    }

    /** The questionnaires due at this visit by the clinic's schedule, of those the clinic offers. */
    public List<Instrument> due(Visit visit) {
        boolean discharging = notes.latest(List.of(visit.appointmentId())).stream()
                .anyMatch(n -> n.content().discharge());
        List<Instrument> due = new ArrayList<>();
        for (Map.Entry<String, OutcomesSettings.Schedule> entry :
                settings.schedule().entrySet()) {
            Instrument instrument = Instrument.of(entry.getKey());
            if (instrument != Instrument.NPRS
                    && definitions.offers(instrument)
                    && entry.getValue().due(visit.number(), discharging)) {
                due.add(instrument);
            }
        }
        due.sort(null);
        return due;
    }

    private static void check(Integer value, String field) {
        if (value != null && (value < 0 || value > 10)) {
            throw new InvalidScore(field, "outcomes.score.outOfRange");
        }
    }
}
