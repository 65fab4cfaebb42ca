package clinic.relief.painmap.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.relief.painmap.Candidate;
import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Lang;
import clinic.relief.painmap.Muscle;
import clinic.relief.painmap.MuscleTexts;
import clinic.relief.painmap.PainFinder;
import clinic.relief.painmap.Referral;
import clinic.relief.painmap.SavedAssessment;
import clinic.relief.painmap.Side;

/** The results page of one saved assessment, in one language: the referral first, then the muscles. */
public record ResultPage(
        UUID id,
        List<String> marked,
        ReferralView referral,
        List<String> doctorNotes,
        List<MuscleView> muscles,
        List<String> combination,
        List<String> uncovered) {

    public record ReferralView(String level, String message, List<String> flags) {

        public boolean emergency() {
            return "emergency".equals(level);
        }
    }

    /** One candidate with what its small map highlights, as sets of selectable region ids. */
    public record MuscleView(
            String id,
            String name,
            String side,
            int percent,
            String explanation,
            MuscleTexts.Lay texts,
            Set<String> primaryZone,
            Set<String> secondaryZone,
            Set<String> triggerPoints,
            Set<String> marked) {}

    static ResultPage of(SavedAssessment saved, PainFinder finder, Lang lang) {
        KnowledgeBase kb = finder.knowledgeBase();
        var result = saved.result();
        Set<String> marked = saved.query().regions();
        List<MuscleView> muscles = result.candidates().stream()
                .map(candidate -> muscle(candidate, finder, lang, marked))
                .toList();
        return new ResultPage(
                saved.id(),
                labels(kb, marked, lang),
                referral(result.referral(), kb, lang),
                result.doctorFirstNotes().stream()
                        .map(note -> note.text().in(lang))
                        .toList(),
                muscles,
                result.combination().muscles().stream()
                        .map(id -> kb.muscle(id).name().in(lang))
                        .toList(),
                labels(kb, result.combination().uncoveredRegions(), lang));
    }

    private static ReferralView referral(Referral referral, KnowledgeBase kb, Lang lang) {
        if (referral == null) {
            return null;
        }
        return new ReferralView(
                referral.level().id(),
                referral.message().in(lang),
                referral.flags().stream()
                        .map(flag -> kb.redFlag(flag).label().in(lang))
                        .toList());
    }

    private static MuscleView muscle(Candidate candidate, PainFinder finder, Lang lang, Set<String> marked) {
        KnowledgeBase kb = finder.knowledgeBase();
        Muscle muscle = kb.muscle(candidate.muscle());
        return new MuscleView(
                muscle.id(),
                muscle.name().in(lang),
                candidate.side().id(),
                (int) Math.round(candidate.score() * 100),
                finder.explanation(candidate, lang),
                muscle.texts(lang).lay(),
                zone(kb, muscle, muscle.primary(), candidate.side()),
                zone(kb, muscle, muscle.secondary(), candidate.side()),
                new LinkedHashSet<>(kb.sided(muscle.triggerPoints(), candidate.side())),
                marked);
    }

    /** A zone on the candidate's side; a bilateral part of it on both sides. */
    private static Set<String> zone(KnowledgeBase kb, Muscle muscle, List<String> baseIds, Side side) {
        Set<String> ids = new LinkedHashSet<>();
        for (String baseId : baseIds) {
            ids.addAll(kb.sided(List.of(baseId), muscle.bilateral().contains(baseId) ? Side.BOTH : side));
        }
        return ids;
    }

    private static List<String> labels(KnowledgeBase kb, Collection<String> ids, Lang lang) {
        List<String> labels = new ArrayList<>();
        ids.forEach(id -> labels.add(kb.regionLabel(id, lang)));
        return labels;
    }
}
