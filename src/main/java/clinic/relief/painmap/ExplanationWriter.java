package clinic.relief.painmap;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/** Turns a candidate's reason codes into plain sentences, with the labels of its matches, in one language. */
final class ExplanationWriter {

    private final KnowledgeBase kb;

    ExplanationWriter(KnowledgeBase kb) {
        this.kb = kb;
    }

    String explain(Candidate candidate, Lang lang) {
        StringJoiner sentences = new StringJoiner(" ");
        for (ReasonCode reason : candidate.reasons()) {
            sentences.add(kb.reasonText(reason)
                    .in(lang)
                    .replace("{primary}", labels(candidate.primaryMatches(), id -> kb.regionLabel(id, lang)))
                    .replace("{secondary}", labels(candidate.secondaryMatches(), id -> kb.regionLabel(id, lang)))
                    .replace(
                            "{qualities}",
                            labels(
                                    candidate.supportingQualities(),
                                    id -> kb.quality(id).label().in(lang)))
                    .replace(
                            "{factors}",
                            labels(
                                    candidate.supportingFactors(),
                                    id -> kb.factor(id).label().in(lang))));
        }
        return sentences.toString();
    }

    private static String labels(List<String> ids, Function<String, String> label) {
        StringJoiner joined = new StringJoiner("; ");
        ids.forEach(id -> joined.add(label.apply(id).toLowerCase(Locale.ROOT)));
        return joined.toString();
    }
}
