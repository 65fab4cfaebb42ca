package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static clinic.relief.painmap.PainMapFixtures.FINDER;
import static clinic.relief.painmap.PainMapFixtures.KB;
import static clinic.relief.painmap.PainMapFixtures.candidate;
import static clinic.relief.painmap.PainMapFixtures.mirror;
import static clinic.relief.painmap.PainMapFixtures.randomQuery;
import static org.assertj.core.api.Assertions.assertThat;

/** Property-style tests over seeded random maps: each seed is reproducible, 25 queries per seed. */
class PainFinderPropertyTests {

    private static final int QUERIES_PER_SEED = 25;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mirroringEveryLeftAndRightMirrorsTheSidesAndKeepsTheOrder(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < QUERIES_PER_SEED; i++) {
            PainQuery query = randomQuery(random);
            List<Candidate> original = FINDER.find(query).candidates();
            PainFinderResult mirrored = FINDER.find(mirror(query));
            assertThat(mirrored.candidates())
                    .extracting(Candidate::muscle)
                    .containsExactlyElementsOf(
                            original.stream().map(Candidate::muscle).toList());
            for (int c = 0; c < original.size(); c++) {
                Candidate before = original.get(c);
                Candidate after = mirrored.candidates().get(c);
                assertThat(after.side())
                        .as(query + " " + before.muscle())
                        .isEqualTo(before.side().mirrored());
                assertThat(after.score()).isEqualTo(before.score());
                assertThat(after.primaryMatches())
                        .containsExactlyInAnyOrderElementsOf(before.primaryMatches().stream()
                                .map(PainMapFixtures::mirror)
                                .toList());
            }
            assertThat(mirrored.combination().muscles())
                    .isEqualTo(FINDER.find(query).combination().muscles());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void addingAMusclesPrimaryRegionNeverLowersItsScore(long seed) {
        Random random = new Random(seed);
        List<Muscle> muscles = List.copyOf(KB.muscles());
        for (int i = 0; i < QUERIES_PER_SEED; i++) {
            PainQuery query = randomQuery(random);
            Muscle muscle = muscles.get(random.nextInt(muscles.size()));
            String zone = muscle.primary().get(random.nextInt(muscle.primary().size()));
            List<String> sided = KB.sided(List.of(zone), random.nextBoolean() ? Side.L : Side.R);
            Set<String> regions = new HashSet<>(query.regions());
            regions.addAll(sided);
            PainQuery more = PainQuery.of(regions, query.qualities(), query.factors(), null, null);
            Candidate before = candidate(FINDER.find(query), muscle.id());
            Candidate after = candidate(FINDER.find(more), muscle.id());
            assertThat(after).as(muscle.id() + " after adding " + sided).isNotNull();
            assertThat(after.score())
                    .as(query + " + " + sided + " for " + muscle.id())
                    .isGreaterThanOrEqualTo(before == null ? 0.0 : before.score());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void givesAReferralExactlyWhenAFlagIsTickedAtTheMostSevereLevel(long seed) {
        Random random = new Random(seed);
        List<String> flags = KB.redFlags().stream().map(RedFlag::id).toList();
        for (int i = 0; i < QUERIES_PER_SEED; i++) {
            PainQuery query = randomQuery(random);
            assertThat(FINDER.find(query).referral()).as(query.toString()).isNull();
            List<String> ticked = PainMapFixtures.pick(random, flags, 1 + random.nextInt(4));
            PainQuery flagged = PainQuery.of(query.regions(), query.qualities(), query.factors(), ticked, null);
            Referral referral = FINDER.find(flagged).referral();
            ReferralLevel worst = ticked.stream()
                    .map(id -> KB.redFlag(id).level())
                    .max(Enum::compareTo)
                    .orElseThrow();
            assertThat(referral.level()).isEqualTo(worst);
            assertThat(referral.flags()).containsExactlyInAnyOrderElementsOf(ticked);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keepsEveryScoreWithinZeroAndOneAndRanksBestFirst(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < QUERIES_PER_SEED; i++) {
            PainQuery query = randomQuery(random);
            List<Candidate> candidates = FINDER.find(query).candidates();
            assertThat(candidates).allSatisfy(c -> assertThat(c.score()).isBetween(0.0, 1.0));
            for (int c = 1; c < candidates.size(); c++) {
                assertThat(candidates.get(c).score())
                        .isLessThanOrEqualTo(candidates.get(c - 1).score());
            }
            for (Candidate c : candidates) {
                assertThat(query.regions()).containsAll(c.primaryMatches()).containsAll(c.secondaryMatches());
                assertThat(KB.sided(KB.muscle(c.muscle()).primary(), Side.BOTH)).containsAll(c.primaryMatches());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void givesTheSameResultForTheSameQueryAcrossInstancesAndThreads(long seed) throws Exception {
        Random random = new Random(seed);
        List<PainQuery> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES_PER_SEED; i++) {
            queries.add(randomQuery(random));
        }
        PainFinder other = new PainFinder(KnowledgeBase.load());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PainFinderResult>> futures = new ArrayList<>();
            queries.forEach(q -> futures.add(pool.submit(() -> FINDER.find(q))));
            for (int i = 0; i < queries.size(); i++) {
                PainFinderResult first = FINDER.find(queries.get(i));
                assertThat(FINDER.find(queries.get(i))).isEqualTo(first);
                assertThat(other.find(queries.get(i))).isEqualTo(first);
                assertThat(futures.get(i).get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsACombinationNoSmallerSetOfCandidatesCanBeat(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < QUERIES_PER_SEED; i++) {
            PainQuery query = PainQuery.of(
                    PainMapFixtures.pick(random, KB.regionIds(), 1 + random.nextInt(5)), null, null, null, null);
            PainFinderResult result = FINDER.find(query);
            List<Set<String>> covers = result.candidates().stream()
                    .map(PainFinderPropertyTests::explained)
                    .toList();
            Set<String> coverable = new HashSet<>();
            covers.forEach(coverable::addAll);
            Set<String> chosen = new HashSet<>();
            result.combination().muscles().forEach(m -> chosen.addAll(explained(candidate(result, m))));
            assertThat(chosen).isEqualTo(coverable);
            assertThat(result.combination().uncoveredRegions())
                    .containsExactlyInAnyOrderElementsOf(query.regions().stream()
                            .filter(r -> !coverable.contains(r))
                            .toList());
            int size = result.combination().muscles().size();
            assertThat(
                            size == 0
                                    ? !coverable.isEmpty()
                                    : coversWithFewer(covers, coverable, size - 1, 0, new HashSet<>()))
                    .as(query + " -> " + result.combination())
                    .isFalse();
        }
    }

    private static Set<String> explained(Candidate candidate) {
        Set<String> regions = new HashSet<>(candidate.primaryMatches());
        regions.addAll(candidate.secondaryMatches());
        return regions;
    }

    /** Brute force: can at most {@code size} of the covers (from index {@code from}) cover everything? */
    private static boolean coversWithFewer(
            List<Set<String>> covers, Set<String> target, int size, int from, Set<String> covered) {
        if (covered.containsAll(target)) {
            return true;
        }
        if (size <= 0) {
            return false;
        }
        for (int c = from; c < covers.size(); c++) {
            Set<String> next = new HashSet<>(covered);
            next.addAll(covers.get(c));
            if (coversWithFewer(covers, target, size - 1, c + 1, next)) {
                return true;
            }
        }
        return false;
    }
}
