package clinic.relief.painmap;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A muscle and the facts the ranking uses (trigger-points.md §3). Zones are base region ids on the side of the
 * trigger point; a {@code bilateral} zone is felt on both sides from one trigger point.
 *
 * @param fact where the facts come from, e.g. {@code §3.1 #7}
 * @param prior the prevalence prior in [0, 1] (trigger-points.md §1.5), {@code priorBasis} says why
 * @param triggerPoints base region ids where the trigger points lie, for the small map
 * @param outsideMassageScope true when the trigger points are examined internally only (pelvic floor)
 * @param texts lay and therapist texts in both languages
 */
public record Muscle(
        String id,
        Text name,
        List<String> primary,
        List<String> secondary,
        Set<String> bilateral,
        Set<String> qualities,
        Set<String> factors,
        double prior,
        String priorBasis,
        List<String> triggerPoints,
        boolean outsideMassageScope,
        String fact,
        Map<Lang, MuscleTexts> texts) {

    public Muscle {
        Ids.requireId(id, "muscle");
        Objects.requireNonNull(name, "name");
        primary = Ids.listCopy(primary);
        secondary = Ids.listCopy(secondary);
        bilateral = Ids.sortedCopy(bilateral, "bilateral");
        qualities = Ids.sortedCopy(qualities, "qualities");
        factors = Ids.sortedCopy(factors, "factors");
        triggerPoints = Ids.listCopy(triggerPoints);
        requireZones(id, primary, secondary, bilateral);
        if (!(prior >= 0 && prior <= 1)) {
            throw new IllegalArgumentException("prior " + prior + " is outside [0, 1]");
        }
        if (priorBasis == null || priorBasis.isBlank() || fact == null || fact.isBlank()) {
            throw new IllegalArgumentException("priorBasis and fact are required");
        }
        if (triggerPoints.isEmpty()) {
            throw new IllegalArgumentException("no trigger point location");
        }
        texts = copyTexts(texts);
    }

    /** The texts in one language. */
    public MuscleTexts texts(Lang lang) {
        return texts.get(lang);
    }

    private static void requireZones(String id, List<String> primary, List<String> secondary, Set<String> bilateral) {
        if (primary.isEmpty()) {
            throw new IllegalArgumentException("no primary zone");
        }
        Set<String> seen = new HashSet<>();
        for (String zone : concat(primary, secondary)) {
            if (!seen.add(zone)) {
                throw new IllegalArgumentException("zone " + zone + " is listed twice");
            }
        }
        for (String zone : bilateral) {
            if (!seen.contains(zone)) {
                throw new IllegalArgumentException("bilateral zone " + zone + " is not a primary or secondary zone");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Map<Lang, MuscleTexts> copyTexts(Map<Lang, MuscleTexts> texts) {
        Objects.requireNonNull(texts, "texts");
        for (Lang lang : Lang.values()) {
            Objects.requireNonNull(texts.get(lang), () -> "no " + lang.code() + " texts");
        }
        return Collections.unmodifiableMap(new EnumMap<>(texts));
    }
}
