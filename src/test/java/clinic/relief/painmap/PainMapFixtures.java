package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shared, loaded-once knowledge base and finder, plus seeded random queries for property tests. */
final class PainMapFixtures {

    static final KnowledgeBase KB = KnowledgeBase.load();
    static final PainFinder FINDER = new PainFinder(KB);

    private PainMapFixtures() {}

    /** A random query: 1 to 6 regions, up to 3 qualities and 4 factors, no red flags. */
    static PainQuery randomQuery(Random random) {
        List<String> regions = pick(random, KB.regionIds(), 1 + random.nextInt(6));
        List<String> qualities =
                pick(random, KB.qualities().stream().map(Quality::id).toList(), random.nextInt(4));
        List<String> factors =
                pick(random, KB.factors().stream().map(Factor::id).toList(), random.nextInt(5));
        return PainQuery.of(regions, qualities, factors, null, null);
    }

    static List<String> pick(Random random, List<String> from, int count) {
        List<String> pool = new ArrayList<>(from);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    /** {@code x_L} becomes {@code x_R} and back; midline ids stay. */
    static String mirror(String regionId) {
        if (regionId.endsWith("_L")) {
            return regionId.substring(0, regionId.length() - 1) + "R";
        }
        if (regionId.endsWith("_R")) {
            return regionId.substring(0, regionId.length() - 1) + "L";
        }
        return regionId;
    }

    static PainQuery mirror(PainQuery query) {
        return new PainQuery(
                Ids.sortedCopy(
                        query.regions().stream().map(PainMapFixtures::mirror).toList(), "r"),
                query.qualities(),
                query.factors(),
                query.redFlags(),
                query.sex());
    }

    /** The candidate for a muscle, or null. */
    static Candidate candidate(PainFinderResult result, String muscle) {
        return result.candidates().stream()
                .filter(c -> c.muscle().equals(muscle))
                .findFirst()
                .orElse(null);
    }

    static List<String> ranked(PainFinderResult result) {
        return result.candidates().stream().map(Candidate::muscle).toList();
    }
}
