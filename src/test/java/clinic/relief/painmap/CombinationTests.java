package clinic.relief.painmap;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static clinic.relief.painmap.PainFinderRankingTests.ids;
import static clinic.relief.painmap.PainMapFixtures.FINDER;
import static org.assertj.core.api.Assertions.assertThat;

class CombinationTests {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
        low_back_lateral_R iliac_crest_R hip_lateral_R | quadratus_lumborum | | §3.1 #1: one muscle explains the whole map
        low_back_lateral_R iliac_crest_R calf_R leg_lateral_R | quadratus_lumborum gluteus_minimus | | §3.2 advice: QL + gluteus minimus when one muscle cannot cover the drawing
        neck_angle_R temple_R mastoid_R | levator_scapulae upper_trapezius | | §3.1 #23 + #20: angle of neck, then the question mark to the temple
        iliac_crest_L knee_front_L | gluteus_medius | knee_front_L | no muscle of §3.2 refers to the front of the knee
        knee_front_R | | knee_front_R | nothing explains the front of the knee
        coccyx pelvis_internal thigh_medial_R | levator_ani_coccygeus adductor_magnus | | §3.1 #18 + #19
        """)
    void findsTheSmallestCombinationAndWhatStaysUnexplained(
            String regions, String muscles, String uncovered, String fact) {
        Combination combination =
                FINDER.find(PainQuery.of(ids(regions), null, null, null, null)).combination();
        assertThat(combination.muscles()).as(fact).containsExactlyInAnyOrderElementsOf(ids(muscles));
        assertThat(combination.uncoveredRegions()).as(fact).containsExactlyElementsOf(ids(uncovered));
        assertThat(combination.exact()).isTrue();
    }

    @Test
    void coversAMapWithEveryRegionMarked() {
        PainFinderResult result = FINDER.find(PainQuery.of(PainMapFixtures.KB.regionIds(), null, null, null, null));
        Set<String> covered = new HashSet<>();
        result.combination().muscles().forEach(m -> {
            Candidate c = PainMapFixtures.candidate(result, m);
            covered.addAll(c.primaryMatches());
            covered.addAll(c.secondaryMatches());
        });
        Set<String> all = new HashSet<>(PainMapFixtures.KB.regionIds());
        all.removeAll(result.combination().uncoveredRegions());
        assertThat(covered).isEqualTo(all);
        assertThat(result.combination().uncoveredRegions()).contains("knee_front_L", "knee_front_R");
    }
}
