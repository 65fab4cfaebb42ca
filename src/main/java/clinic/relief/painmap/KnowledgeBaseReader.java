package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Turns the knowledge-base YAML and the two muscle-text files into a validated {@link KnowledgeBase}. */
final class KnowledgeBaseReader {

    static final String RESOURCE = "painmap/knowledge-base.yml";

    private final Problems problems = new Problems();

    /** @throws InvalidKnowledgeBase listing every problem found */
    KnowledgeBase read(String yaml, Map<Lang, String> textYaml) {
        YamlNode root = problems.attempt(RESOURCE, () -> YamlNode.parse(RESOURCE, yaml));
        problems.throwIfAny();
        Map<Lang, Map<String, MuscleTexts>> texts = readTexts(textYaml);
        String version = problems.attempt(RESOURCE, () -> root.text("version"));
        List<Region> regions = each(
                root,
                "regions",
                n -> new Region(n.text("id"), View.valueOf(n.text("view")), n.flag("paired"), n.bilingual()));
        List<Quality> qualities = each(root, "qualities", n -> new Quality(n.text("id"), n.bilingual()));
        List<Factor> factors =
                each(root, "factors", n -> new Factor(n.text("id"), FactorGroup.of(n.text("group")), n.bilingual()));
        List<RedFlag> redFlags = each(
                root, "redFlags", n -> new RedFlag(n.text("id"), ReferralLevel.of(n.text("level")), n.bilingual()));
        List<DoctorNote> notes = each(
                root,
                "doctorFirstNotes",
                n -> new DoctorNote(
                        n.text("id"), set(n, "regions"), set(n, "qualities"), set(n, "factors"), n.bilingual()));
        Wording wording = new Wording(
                keyed(root, "referralMessages", ReferralLevel.values(), ReferralLevel::id),
                keyed(root, "sides", Side.values(), Side::id),
                keyed(root, "reasons", ReasonCode.values(), ReasonCode::id));
        List<Muscle> muscles = each(root, "muscles", n -> muscle(n, texts));
        unknownTextIds(root, texts);
        KnowledgeBaseChecks.unique(
                "region", regions.stream().map(Region::baseId).toList(), problems);
        KnowledgeBaseChecks.unique("muscle", muscles.stream().map(Muscle::id).toList(), problems);
        return checked(
                new KnowledgeBase(version, regions, qualities, factors, redFlags, wording, notes, muscles),
                qualities,
                factors,
                redFlags);
    }

    private KnowledgeBase checked(
            KnowledgeBase kb, List<Quality> qualities, List<Factor> factors, List<RedFlag> redFlags) {
        KnowledgeBaseChecks.unique(
                "quality", qualities.stream().map(Quality::id).toList(), problems);
        KnowledgeBaseChecks.unique("factor", factors.stream().map(Factor::id).toList(), problems);
        KnowledgeBaseChecks.unique(
                "red flag", redFlags.stream().map(RedFlag::id).toList(), problems);
        problems.throwIfAny();
        new KnowledgeBaseChecks(kb, problems).check();
        problems.throwIfAny();
        return kb;
    }

    private Map<Lang, Map<String, MuscleTexts>> readTexts(Map<Lang, String> textYaml) {
        Map<Lang, Map<String, MuscleTexts>> texts = new EnumMap<>(Lang.class);
        MuscleTextsReader reader = new MuscleTextsReader(problems);
        for (Lang lang : Lang.values()) {
            String resource = KnowledgeBase.textResource(lang);
            String yaml = textYaml.get(lang);
            if (yaml == null) {
                problems.add(resource + ": resource is missing");
                texts.put(lang, Map.of());
            } else {
                texts.put(lang, reader.read(lang, resource, yaml));
            }
        }
        return texts;
    }

    private void unknownTextIds(YamlNode root, Map<Lang, Map<String, MuscleTexts>> texts) {
        List<YamlNode> nodes = problems.attempt(RESOURCE, () -> root.nodes("muscles"));
        Set<String> declared = new HashSet<>();
        (nodes == null ? List.<YamlNode>of() : nodes)
                .forEach(n -> declared.add(String.valueOf(n.map().get("id"))));
        texts.forEach((lang, byId) -> byId.keySet().stream()
                .filter(id -> !declared.contains(id))
                .forEach(id -> problems.add(KnowledgeBase.textResource(lang) + ": unknown muscle id '" + id + "'")));
    }

    private Muscle muscle(YamlNode n, Map<Lang, Map<String, MuscleTexts>> texts) {
        String id = n.text("id");
        Map<Lang, MuscleTexts> own = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            MuscleTexts found = texts.get(lang).get(id);
            if (found == null) {
                throw new IllegalArgumentException(
                        "no complete texts for muscle '" + id + "' in " + KnowledgeBase.textResource(lang));
            }
            own.put(lang, found);
        }
        return new Muscle(
                id,
                n.bilingual(),
                n.texts("primary"),
                n.texts("secondary"),
                set(n, "bilateral"),
                set(n, "qualities"),
                set(n, "factors"),
                n.number("prior"),
                n.text("priorBasis"),
                n.texts("triggerPoints"),
                n.flag("outsideMassageScope"),
                n.text("fact"),
                own);
    }

    private static Set<String> set(YamlNode node, String key) {
        try {
            return Set.copyOf(node.texts(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(node.where(key) + ": " + e.getMessage());
        }
    }

    /** A bilingual text for every constant, keyed by its id; a missing one is a problem. */
    private <K extends Enum<K>> Map<K, Text> keyed(YamlNode root, String key, K[] constants, Function<K, String> id) {
        Map<K, Text> texts = new HashMap<>();
        YamlNode node = problems.attempt(RESOURCE, () -> root.node(key));
        for (K constant : constants) {
            Text text = node == null
                    ? null
                    : problems.attempt(
                            node.where(id.apply(constant)),
                            () -> node.node(id.apply(constant)).bilingual());
            if (text != null) {
                texts.put(constant, text);
            }
        }
        return texts;
    }

    private <T> List<T> each(YamlNode root, String key, Function<YamlNode, T> read) {
        List<T> items = new ArrayList<>();
        List<YamlNode> nodes = problems.attempt(RESOURCE, () -> root.nodes(key));
        for (YamlNode node : nodes == null ? List.<YamlNode>of() : nodes) {
            T item = problems.attempt(node.path(), () -> read.apply(node));
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }
}
