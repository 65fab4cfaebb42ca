package clinic.relief.painmap.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import clinic.relief.painmap.FactorGroup;
import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Lang;

/**
 * What the pain finder form shows: every choice with its label in one language, and what is already chosen (from
 * an article's link or a form sent back with an error).
 */
public record FinderForm(
        Map<String, String> regionLabels,
        Set<String> selected,
        List<Choice> qualities,
        List<Group> factorGroups,
        List<Choice> redFlags,
        Answers answers) {

    public record Choice(String id, String label) {}

    public record Group(String id, List<Choice> choices) {}

    /** What the person chose; every list is an empty list rather than null. */
    public record Answers(
            List<String> regions, List<String> qualities, List<String> factors, List<String> redFlags, String sex) {

        public Answers {
            regions = regions == null ? List.of() : regions;
            qualities = qualities == null ? List.of() : qualities;
            factors = factors == null ? List.of() : factors;
            redFlags = redFlags == null ? List.of() : redFlags;
        }
    }

    static FinderForm of(KnowledgeBase kb, Lang lang, Answers answers) {
        Map<String, String> labels = new LinkedHashMap<>();
        kb.regionIds().forEach(id -> labels.put(id, kb.regionLabel(id, lang)));
        Set<String> selected = new TreeSet<>(answers.regions());
        selected.retainAll(labels.keySet());
        List<Group> groups = new ArrayList<>();
        for (FactorGroup group : FactorGroup.values()) {
            List<Choice> choices = kb.factors().stream()
                    .filter(f -> f.group() == group)
                    .map(f -> new Choice(f.id(), f.label().in(lang)))
                    .toList();
            groups.add(new Group(group.id(), choices));
        }
        return new FinderForm(
                labels,
                selected,
                kb.qualities().stream()
                        .map(q -> new Choice(q.id(), q.label().in(lang)))
                        .toList(),
                groups,
                kb.redFlags().stream()
                        .map(r -> new Choice(r.id(), r.label().in(lang)))
                        .toList(),
                answers);
    }
}
