package clinic.relief.painmap.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.painmap.Candidate;
import clinic.relief.painmap.DoctorNote;
import clinic.relief.painmap.Lang;
import clinic.relief.painmap.PainFinder;
import clinic.relief.painmap.PainQuery;
import clinic.relief.painmap.Referral;
import clinic.relief.painmap.SavedAssessment;

/**
 * An assessment as the JSON API shows it (the contract in pain-finder-contract.md, plus a few fields): ids stay
 * ids, texts are in the requested language.
 */
record AssessmentJson(
        UUID assessmentId,
        Instant createdAt,
        String lang,
        String engineVersion,
        String knowledgeBaseVersion,
        QueryJson query,
        ReferralJson referral,
        List<NoteJson> doctorFirstNotes,
        List<CandidateJson> candidates,
        CombinationJson combination) {

    static AssessmentJson of(SavedAssessment saved, PainFinder finder, Lang lang) {
        var result = saved.result();
        return new AssessmentJson(
                saved.id(),
                saved.createdAt(),
                lang.code(),
                saved.engineVersion(),
                result.knowledgeBaseVersion(),
                QueryJson.of(saved.query()),
                ReferralJson.of(result.referral(), lang),
                result.doctorFirstNotes().stream()
                        .map(note -> NoteJson.of(note, lang))
                        .toList(),
                result.candidates().stream()
                        .map(c -> CandidateJson.of(c, finder, lang))
                        .toList(),
                new CombinationJson(
                        result.combination().muscles(), result.combination().uncoveredRegions()));
    }

    record QueryJson(
            List<String> regions, List<String> qualities, List<String> factors, List<String> redFlags, String sex) {

        static QueryJson of(PainQuery query) {
            return new QueryJson(
                    List.copyOf(query.regions()),
                    List.copyOf(query.qualities()),
                    List.copyOf(query.factors()),
                    List.copyOf(query.redFlags()),
                    query.sex() == null ? null : query.sex().name());
        }
    }

    record ReferralJson(String level, List<String> flags, String message) {

        static ReferralJson of(Referral referral, Lang lang) {
            return referral == null
                    ? null
                    : new ReferralJson(
                            referral.level().id(),
                            referral.flags(),
                            referral.message().in(lang));
        }
    }

    record NoteJson(String id, String message) {

        static NoteJson of(DoctorNote note, Lang lang) {
            return new NoteJson(note.id(), note.text().in(lang));
        }
    }

    record CandidateJson(
            String muscle,
            String side,
            String name,
            double score,
            List<String> primaryMatches,
            List<String> secondaryMatches,
            List<String> supportingFactors,
            List<String> supportingQualities,
            List<String> reasons,
            String explanation) {

        static CandidateJson of(Candidate candidate, PainFinder finder, Lang lang) {
            String name =
                    finder.knowledgeBase().muscle(candidate.muscle()).name().in(lang);
            return new CandidateJson(
                    candidate.muscle(),
                    candidate.side().id(),
                    name,
                    Math.round(candidate.score() * 1000) / 1000.0,
                    candidate.primaryMatches(),
                    candidate.secondaryMatches(),
                    candidate.supportingFactors(),
                    candidate.supportingQualities(),
                    candidate.reasons().stream().map(reason -> reason.id()).toList(),
                    finder.explanation(candidate, lang));
        }
    }

    record CombinationJson(List<String> muscles, List<String> uncoveredRegions) {}
}
