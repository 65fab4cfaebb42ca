package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pain finder: screens red flags, then ranks the muscles whose trigger points may send pain to the marked
 * regions, and finds the smallest combination of muscles that explains the map. Plain Java, no I/O, deterministic
 * (the same query gives an equal result) and thread-safe: build one from {@link KnowledgeBase#load()} at start-up
 * and share it.
 *
 * <p>Use: {@code PainFinderResult result = finder.find(PainQuery.of(regions, qualities, factors, redFlags, sex));}
 * then render {@code result.referral()} first (null without red flags), {@code result.doctorFirstNotes()}, the
 * candidates with {@link #explanation(Candidate, Lang)} and labels from {@link #knowledgeBase()}, and
 * {@code result.combination()}.
 *
 * <p>Ranking: each muscle that explains at least one marked region is scored in [0, 1] from how much of the map
 * it explains (essential zone 1.0, spillover 0.4), how much of its essential zone is marked, the qualities and
 * factors that support it, and its prevalence prior (trigger-points.md §1.5, §3.2); a muscle with no essential
 * match is penalised. The side follows the marked side: zones count on both sides, a bilateral pattern never
 * fixes a side, and matches on both sides give {@link Side#BOTH}. Candidates are ordered by score, then by
 * essential matches, then by all matches, then by id. Candidates are returned even with a referral: the page
 * leads with the referral and decides what to show after it.
 */
public final class PainFinder {

    private static final Comparator<Candidate> RANKING = Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparing(c -> -c.primaryMatches().size())
            .thenComparing(
                    c -> -(c.primaryMatches().size() + c.secondaryMatches().size()))
            .thenComparing(Candidate::muscle);

    private final KnowledgeBase kb;
    private final RegionIndex index;
    private final List<MuscleProfile> profiles;
    private final Scorer scorer;
    private final RedFlagScreen screen;
    private final ExplanationWriter explanations;

    public PainFinder(KnowledgeBase kb) {
        this.kb = kb;
        this.index = new RegionIndex(kb);
        this.profiles =
                kb.muscles().stream().map(m -> new MuscleProfile(m, kb, index)).toList();
        this.scorer = new Scorer(index);
        this.screen = new RedFlagScreen(kb);
        this.explanations = new ExplanationWriter(kb);
    }

    /** The knowledge base this finder ranks with. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * Screens and ranks one query.
     *
     * @return the referral (null without red flags), the doctor-first notes, the ranked candidates (scores in
     *     [0, 1], best first) and the smallest combination
     * @throws UnknownIds listing every region, quality, factor or red-flag id the knowledge base does not know
     */
    public PainFinderResult find(PainQuery query) {
        requireKnownIds(query);
        long[] marked = index.mask(List.copyOf(query.regions()));
        int markedCount = query.regions().size();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, MuscleProfile> byId = new HashMap<>();
        for (MuscleProfile profile : profiles) {
            Candidate candidate = scorer.score(profile, marked, markedCount, query);
            if (candidate != null) {
                candidates.add(candidate);
                byId.put(profile.id(), profile);
            }
        }
        candidates.sort(RANKING);
        long[][] covers = candidates.stream()
                .map(c -> Bits.and(marked, byId.get(c.muscle()).explained))
                .toArray(long[][]::new);
        Combination combination = new CombinationSearch(candidates, covers, index).find(marked);
        List<DoctorNote> notes = screen.notes(query);
        return new PainFinderResult(kb.version(), screen.referral(query, notes), notes, candidates, combination);
    }

    /**
     * The candidate's reasons as plain sentences in one language, naming the marked regions (with their side),
     * qualities and factors that match; for the {@code explanation} field of the API.
     */
    public String explanation(Candidate candidate, Lang lang) {
        return explanations.explain(candidate, lang);
    }

    private void requireKnownIds(PainQuery query) {
        Map<IdKind, List<String>> unknown = new EnumMap<>(IdKind.class);
        collect(unknown, IdKind.REGION, query.regions(), id -> kb.regionOf(id) != null);
        collect(unknown, IdKind.QUALITY, query.qualities(), id -> kb.quality(id) != null);
        collect(unknown, IdKind.FACTOR, query.factors(), id -> kb.factor(id) != null);
        collect(unknown, IdKind.RED_FLAG, query.redFlags(), id -> kb.redFlag(id) != null);
        if (!unknown.isEmpty()) {
            throw new UnknownIds(unknown);
        }
    }

    private static void collect(
            Map<IdKind, List<String>> unknown, IdKind kind, Set<String> ids, Predicate<String> known) {
        List<String> missing = ids.stream().filter(known.negate()).toList();
        if (!missing.isEmpty()) {
            unknown.put(kind, missing);
        }
    }
}
