package clinic.relief.painmap.web;

import java.util.List;
import java.util.Map;

import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.painmap.Lang;
import clinic.relief.painmap.Text;

/** Every id the pain finder accepts, with its labels in English and Spanish. */
record VocabularyJson(
        String version,
        List<Entry> regions,
        List<Entry> muscles,
        List<Entry> qualities,
        List<Entry> factors,
        List<Entry> redFlags) {

    /** One id; {@code group} is the view for a region, the group for a factor, the level for a red flag. */
    record Entry(String id, String group, Map<String, String> label) {}

    static VocabularyJson of(KnowledgeBase kb) {
        List<Entry> regions = kb.regionIds().stream()
                .map(id -> new Entry(
                        id,
                        kb.regionOf(id).view().name(),
                        Map.of("en", kb.regionLabel(id, Lang.EN), "es", kb.regionLabel(id, Lang.ES))))
                .toList();
        return new VocabularyJson(
                kb.version(),
                regions,
                kb.muscles().stream()
                        .map(m -> new Entry(m.id(), null, labels(m.name())))
                        .toList(),
                kb.qualities().stream()
                        .map(q -> new Entry(q.id(), null, labels(q.label())))
                        .toList(),
                kb.factors().stream()
                        .map(f -> new Entry(f.id(), f.group().id(), labels(f.label())))
                        .toList(),
                kb.redFlags().stream()
                        .map(r -> new Entry(r.id(), r.level().id(), labels(r.label())))
                        .toList());
    }

    private static Map<String, String> labels(Text text) {
        return Map.of("en", text.en(), "es", text.es());
    }
}
