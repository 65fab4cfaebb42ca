package clinic.relief.painmap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code texts/muscles.<lang>.yml}: every field of every muscle, recording problems instead of failing. */
final class MuscleTextsReader {

    private final Problems problems;

    MuscleTextsReader(Problems problems) {
        this.problems = problems;
    }

    /** The texts by muscle id; entries with a problem are left out (and reported). */
    Map<String, MuscleTexts> read(Lang lang, String resource, String yaml) {
        Map<String, MuscleTexts> texts = new LinkedHashMap<>();
        YamlNode root = problems.attempt(resource, () -> YamlNode.parse(resource, yaml));
        if (root == null) {
            return texts;
        }
        problems.attempt(resource, () -> requireHeader(root, lang));
        YamlNode muscles = problems.attempt(resource, () -> root.node("muscles"));
        if (muscles == null) {
            return texts;
        }
        for (String id : muscles.keys()) {
            MuscleTexts muscle = problems.attempt(muscles.where(id), () -> muscle(muscles.node(id)));
            if (muscle != null) {
                texts.put(id, muscle);
            }
        }
        return texts;
    }

    private static Object requireHeader(YamlNode root, Lang lang) {
        root.text("version");
        String language = root.text("language");
        if (!lang.code().equals(language)) {
            throw new IllegalArgumentException("language is '" + language + "', expected '" + lang.code() + "'");
        }
        return root;
    }

    private static MuscleTexts muscle(YamlNode node) {
        YamlNode lay = node.node("lay");
        YamlNode therapist = node.node("therapist");
        List<String> selfCare = lay.texts("selfCare");
        return new MuscleTexts(
                new MuscleTexts.Lay(
                        field(lay, "where"),
                        field(lay, "refers"),
                        field(lay, "causes"),
                        field(lay, "latent"),
                        field(lay, "active"),
                        field(lay, "session"),
                        selfCare),
                new MuscleTexts.Therapist(
                        field(therapist, "where"),
                        field(therapist, "refers"),
                        field(therapist, "causes"),
                        field(therapist, "notes")));
    }

    private static String field(YamlNode node, String key) {
        return node.has(key) ? node.text(key) : null;
    }
}
