package clinic.relief.outcomes;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Lang;
import clinic.relief.painmap.SavedAssessment;
import clinic.relief.painmap.Text;
import org.springframework.stereotype.Component;

/**
 * What the pain finder said for the assessment a visit was booked with: the client's answers and the ranking of
 * muscles, labelled in the page's language, for the note page. Shown only inside a note read that was checked and
 * audited.
 */
@Component
class FinderSummary {

    /** How many of the ranked muscles the note page shows. */
    static final int SHOWN = 8;

    /** One ranked muscle: its name, the side, the match in percent. */
    public record Ranked(String muscle, String side, long percent) {}

    /** The client's answers and the finder's ranking. */
    public record Summary(
            List<String> regions,
            List<String> qualities,
            List<String> factors,
            List<String> redFlags,
            List<Ranked> ranking) {}

    private final Assessments assessments;
    private final KnowledgeBase knowledge;

    FinderSummary(Assessments assessments, KnowledgeBase knowledge) {
        this.assessments = assessments;
        this.knowledge = knowledge;
    }

    Optional<Summary> of(Visit visit, Locale locale) {
        if (visit.assessmentId() == null) {
            return Optional.empty();
        }
        Lang lang = NoteChoices.lang(locale);
        return assessments.find(visit.assessmentId()).map(saved -> summary(saved, lang));
    }

    private Summary summary(SavedAssessment saved, Lang lang) {
        var query = saved.query();
        return new Summary(
                query.regions().stream()
                        .map(id -> knowledge.regionOf(id) == null ? id : knowledge.regionLabel(id, lang))
                        .toList(),
                labels(
                        query.qualities(),
                        id -> Optional.ofNullable(knowledge.quality(id)).map(q -> q.label()),
                        lang),
                labels(
                        query.factors(),
                        id -> Optional.ofNullable(knowledge.factor(id)).map(f -> f.label()),
                        lang),
                labels(
                        query.redFlags(),
                        id -> Optional.ofNullable(knowledge.redFlag(id)).map(f -> f.label()),
                        lang),
                saved.result().candidates().stream()
                        .limit(SHOWN)
                        .map(c -> new Ranked(
                                Optional.ofNullable(knowledge.muscle(c.muscle()))
                                        .map(m -> m.name().in(lang))
                                        .orElse(c.muscle()),
                                Optional.ofNullable(knowledge.sideLabel(c.side()))
                                        .map(t -> t.in(lang))
                                        .orElse(""),
                                Math.round(c.score() * 100)))
                        .toList());
    }

    private static List<String> labels(Collection<String> ids, Function<String, Optional<Text>> label, Lang lang) {
        return ids.stream()
                .map(id -> label.apply(id).map(t -> t.in(lang)).orElse(id))
                .toList();
    }
}
