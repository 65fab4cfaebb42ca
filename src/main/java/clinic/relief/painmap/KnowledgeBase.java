package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pain finder's validated, immutable knowledge: 63 base regions (121 selectable ids), the qualities, factors
 * and red flags of the contract, the referral messages and doctor-first notes, and 35 muscles with their texts in
 * English and Spanish. Safe to share between threads.
 */
public final class KnowledgeBase {

    private final String version;
    private final List<Region> regions;
    private final Map<String, Region> regionsByBase;
    private final Map<String, Region> regionsBySelectable;
    private final Map<String, Quality> qualities;
    private final Map<String, Factor> factors;
    private final Map<String, RedFlag> redFlags;
    private final Wording wording;
    private final List<DoctorNote> doctorFirstNotes;
    private final Map<String, Muscle> muscles;

    KnowledgeBase(
            String version,
            List<Region> regions,
            List<Quality> qualities,
            List<Factor> factors,
            List<RedFlag> redFlags,
            Wording wording,
            List<DoctorNote> notes,
            List<Muscle> muscles) {
        this.version = version;
        this.regions = List.copyOf(regions);
        this.regionsByBase = index(regions, Region::baseId);
        Map<String, Region> bySelectable = new LinkedHashMap<>();
        regions.forEach(r -> r.selectableIds().forEach(id -> bySelectable.putIfAbsent(id, r)));
        this.regionsBySelectable = Collections.unmodifiableMap(bySelectable);
        this.qualities = index(qualities, Quality::id);
        this.factors = index(factors, Factor::id);
        this.redFlags = index(redFlags, RedFlag::id);
        this.wording = wording;
        this.doctorFirstNotes = List.copyOf(notes);
        this.muscles = index(muscles, Muscle::id);
    }

    /**
     * Loads and validates {@code painmap/knowledge-base.yml} and {@code painmap/texts/muscles.{en,es}.yml} from
     * the classpath.
     *
     * @throws InvalidKnowledgeBase naming every missing resource, unresolved id, missing label or text
     */
    public static KnowledgeBase load() {
        return ClasspathResources.load(KnowledgeBase.class.getClassLoader());
    }

    /** Parses and validates the given YAML texts (for tests of the validation). */
    static KnowledgeBase parse(String knowledgeBase, Map<Lang, String> muscleTexts) {
        return new KnowledgeBaseReader().read(knowledgeBase, muscleTexts);
    }

    static String textResource(Lang lang) {
        return "painmap/texts/muscles." + lang.code() + ".yml";
    }

    /** The data version, recorded with every result. */
    public String version() {
        return version;
    }

    /** The 63 base regions in map order. */
    public List<Region> regions() {
        return regions;
    }

    /** The 121 selectable region ids in map order. */
    public List<String> regionIds() {
        return List.copyOf(regionsBySelectable.keySet());
    }

    /** The base region of a selectable id ({@code iliac_crest_R} gives {@code iliac_crest}), or null. */
    public Region regionOf(String selectableId) {
        return regionsBySelectable.get(selectableId);
    }

    /** The base region with this base id, or null. */
    public Region region(String baseId) {
        return regionsByBase.get(baseId);
    }

    public Collection<Quality> qualities() {
        return qualities.values();
    }

    public Collection<Factor> factors() {
        return factors.values();
    }

    public Collection<RedFlag> redFlags() {
        return redFlags.values();
    }

    /** The muscles in knowledge-base order. */
    public Collection<Muscle> muscles() {
        return muscles.values();
    }

    /** The muscle with this id, or null. */
    public Muscle muscle(String id) {
        return muscles.get(id);
    }

    public Quality quality(String id) {
        return qualities.get(id);
    }

    public Factor factor(String id) {
        return factors.get(id);
    }

    public RedFlag redFlag(String id) {
        return redFlags.get(id);
    }

    /** The message that leads a result at this referral level. */
    public Text referralMessage(ReferralLevel level) {
        return wording.referralMessages().get(level);
    }

    /** The word for a side: "right", "lado derecho". */
    public Text sideLabel(Side side) {
        return wording.sides().get(side);
    }

    /** The plain sentence for a reason code, with {primary}, {secondary}, {qualities}, {factors} slots. */
    public Text reasonText(ReasonCode reason) {
        return wording.reasons().get(reason);
    }

    /**
     * The label of a selectable region with its side, as a screen reader should announce it: "Low back, side,
     * right" for {@code low_back_lateral_R}; midline regions have no side word.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public String regionLabel(String selectableId, Lang lang) {
        Region region = regionsBySelectable.get(selectableId);
        if (region == null) {
            throw new IllegalArgumentException("unknown region '" + selectableId + "'");
        }
        String label = region.label().in(lang);
        if (!region.paired()) {
            return label;
        }
        Side side = selectableId.endsWith("_L") ? Side.L : Side.R;
        return label + ", " + sideLabel(side).in(lang);
    }

    public List<DoctorNote> doctorFirstNotes() {
        return doctorFirstNotes;
    }

    /**
     * The selectable ids of base regions on one side, e.g. a candidate's referral zone or trigger points for
     * its small map: paired regions take the side's suffix (both suffixes for {@code BOTH}), midline regions
     * keep their id. Unknown base ids are skipped.
     */
    public List<String> sided(Collection<String> baseIds, Side side) {
        List<String> ids = new ArrayList<>();
        for (String baseId : baseIds) {
            Region region = regionsByBase.get(baseId);
            if (region == null) {
                continue;
            }
            if (!region.paired()) {
                ids.add(baseId);
            } else {
                if (side != Side.R) {
                    ids.add(baseId + "_L");
                }
                if (side != Side.L) {
                    ids.add(baseId + "_R");
                }
            }
        }
        return ids;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(id.apply(item), item));
        return Collections.unmodifiableMap(map);
    }
}
