package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores one muscle against one map. The score, in [0, 1], is a weighted sum of: how much of the marked map the
 * muscle explains (essential zone weight 1.0, spillover 0.4, trigger-points.md §3.2); how much of its essential
 * zone is marked (saturating at four zones, since a muscle with many trigger points is rarely felt everywhere at
 * once); support from the qualities and factors (saturating at three); and the prevalence prior (§1.5). A
 * muscle whose essential zone is wholly unmarked is penalised (§3.2 ranking advice). Every term is monotone in
 * the muscle's own zones, so marking another of its regions never lowers its score.
 */
final class Scorer {

    static final double PRIMARY_WEIGHT = 1.0;
    static final double SECONDARY_WEIGHT = 0.4;
    static final double MAP_SHARE = 0.45;
    static final double ESSENTIAL_SHARE = 0.30;
    static final double SUPPORT_SHARE = 0.15;
    static final double PRIOR_SHARE = 0.10;
    static final int ESSENTIAL_SATURATION = 4;
    static final int SUPPORT_SATURATION = 3;
    static final double ESSENTIAL_UNMARKED_FACTOR = 0.6;
    static final double COMMON_PRIOR = 0.7;
    static final double UNCOMMON_PRIOR = 0.35;

    private final RegionIndex index;

    Scorer(RegionIndex index) {
        this.index = index;
    }

    /** The candidate, or null when the muscle explains no marked region. */
    Candidate score(MuscleProfile profile, long[] marked, int markedCount, PainQuery query) {
        long[] primary = Bits.and(marked, profile.primary);
        long[] secondary = Bits.and(marked, profile.secondary);
        int primaryCount = Bits.count(primary);
        int secondaryCount = Bits.count(secondary);
        if (primaryCount + secondaryCount == 0) {
            return null;
        }
        Muscle muscle = profile.muscle;
        List<String> qualities = supporting(query.qualities(), muscle.qualities());
        List<String> factors = supporting(query.factors(), muscle.factors());
        double essential = Math.min(
                1.0,
                (double) essentialZonesMarked(profile, marked)
                        / Math.min(profile.essentialZones.length, ESSENTIAL_SATURATION));
        double raw = raw(
                primaryCount,
                secondaryCount,
                markedCount,
                essential,
                qualities.size() + factors.size(),
                muscle.prior());
        boolean left = Bits.intersects(marked, profile.leftOnly);
        boolean right = Bits.intersects(marked, profile.rightOnly);
        Side side = left == right ? Side.BOTH : left ? Side.L : Side.R;
        List<ReasonCode> reasons = reasons(
                profile,
                marked,
                primaryCount,
                secondaryCount,
                markedCount,
                essential,
                left && right,
                qualities,
                factors);
        return new Candidate(
                muscle.id(), side, round(raw), index.ids(primary), index.ids(secondary), factors, qualities, reasons);
    }

    private static double raw(
            int primaryCount, int secondaryCount, int markedCount, double essential, int supportCount, double prior) {
        double mapShare = (PRIMARY_WEIGHT * primaryCount + SECONDARY_WEIGHT * secondaryCount) / markedCount;
        double support = Math.min(1.0, (double) supportCount / SUPPORT_SATURATION);
        double raw = MAP_SHARE * mapShare + ESSENTIAL_SHARE * essential + SUPPORT_SHARE * support + PRIOR_SHARE * prior;
        return primaryCount == 0 ? raw * ESSENTIAL_UNMARKED_FACTOR : raw;
    }

    private static int essentialZonesMarked(MuscleProfile profile, long[] marked) {
        int count = 0;
        for (long[] zone : profile.essentialZones) {
            if (Bits.intersects(marked, zone)) {
                count++;
            }
        }
        return count;
    }

    private static List<ReasonCode> reasons(
            MuscleProfile profile,
            long[] marked,
            int primaryCount,
            int secondaryCount,
            int markedCount,
            double essential,
            boolean bothSides,
            List<String> qualities,
            List<String> factors) {
        List<ReasonCode> reasons = new ArrayList<>();
        add(reasons, primaryCount > 0, ReasonCode.PRIMARY_ZONE_MATCH);
        add(reasons, secondaryCount > 0, ReasonCode.SECONDARY_ZONE_MATCH);
        add(reasons, primaryCount + secondaryCount == markedCount, ReasonCode.EXPLAINS_WHOLE_MAP);
        add(reasons, essential >= 0.5, ReasonCode.ESSENTIAL_ZONE_LARGELY_MARKED);
        add(reasons, primaryCount == 0, ReasonCode.ESSENTIAL_ZONE_UNMARKED);
        add(reasons, Bits.intersects(marked, profile.bilateral), ReasonCode.BILATERAL_PATTERN);
        add(reasons, bothSides, ReasonCode.BOTH_SIDES_MARKED);
        add(reasons, !qualities.isEmpty(), ReasonCode.SUPPORTING_QUALITIES);
        add(reasons, !factors.isEmpty(), ReasonCode.SUPPORTING_FACTORS);
        add(reasons, profile.muscle.prior() >= COMMON_PRIOR, ReasonCode.COMMON_MUSCLE);
        add(reasons, profile.muscle.prior() <= UNCOMMON_PRIOR, ReasonCode.UNCOMMON_MUSCLE);
        add(reasons, profile.muscle.outsideMassageScope(), ReasonCode.OUTSIDE_MASSAGE_SCOPE);
        return reasons;
    }

    private static void add(List<ReasonCode> reasons, boolean when, ReasonCode code) {
        if (when) {
            reasons.add(code);
        }
    }

    private static List<String> supporting(Set<String> given, Set<String> muscle) {
        List<String> matches = new ArrayList<>();
        for (String id : given) {
            if (muscle.contains(id)) {
                matches.add(id);
            }
        }
        return matches;
    }

    private static double round(double score) {
        return Math.max(0.0, Math.min(1.0, Math.round(score * 1000) / 1000.0));
    }
}
