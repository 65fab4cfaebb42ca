package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static clinic.relief.painmap.PainFinderRankingTests.ids;
import static clinic.relief.painmap.PainMapFixtures.FINDER;
import static clinic.relief.painmap.PainMapFixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PainFinderTests {

    @Test
    void rejectsAQueryWithoutRegions() {
        assertThatThrownBy(() -> PainQuery.of(List.of(), null, null, null, null))
                .isInstanceOf(EmptyRegions.class);
        assertThatThrownBy(() -> PainQuery.of(null, List.of("aching"), null, null, null))
                .isInstanceOf(EmptyRegions.class);
    }

    @Test
    void listsEveryUnknownIdByKind() {
        PainQuery query = PainQuery.of(
                List.of("low_back_lateral_R", "low_back_lateral_X", "sacrum_L"),
                List.of("aching", "itchy"),
                List.of("walking", "skiing"),
                List.of("saddle_numbness", "sore_toe"),
                null);
        UnknownIds failure = catchThrowableOfType(UnknownIds.class, () -> FINDER.find(query));
        assertThat(failure.unknown())
                .containsExactly(
                        Map.entry(IdKind.REGION, List.of("low_back_lateral_X", "sacrum_L")),
                        Map.entry(IdKind.QUALITY, List.of("itchy")),
                        Map.entry(IdKind.FACTOR, List.of("skiing")),
                        Map.entry(IdKind.RED_FLAG, List.of("sore_toe")));
        assertThat(failure)
                .hasMessageContaining("region [low_back_lateral_X, sacrum_L]")
                .hasMessageContaining("redFlag [sore_toe]");
    }

    @Test
    void reportsANullIdAsUnknownInsteadOfCrashing() {
        List<String> regions = new ArrayList<>();
        regions.add("sacrum");
        regions.add(null);
        UnknownIds failure = catchThrowableOfType(
                UnknownIds.class, () -> PainQuery.of(regions, null, Collections.singletonList(null), null, null));
        assertThat(failure.unknown()).containsOnlyKeys(IdKind.REGION, IdKind.FACTOR);
    }

    @Test
    void rejectsABaseIdOfAPairedRegionBecauseItNeedsASide() {
        UnknownIds failure =
                catchThrowableOfType(UnknownIds.class, () -> FINDER.find(PainQuery.ofRegions("iliac_crest")));
        assertThat(failure.unknown()).containsOnlyKeys(IdKind.REGION);
    }

    @Test
    void rejectsAnUnknownSex() {
        assertThat(Sex.of("f")).isEqualTo(Sex.F);
        assertThat(Sex.of(null)).isNull();
        UnknownIds failure = catchThrowableOfType(UnknownIds.class, () -> Sex.of("Q"));
        assertThat(failure.unknown()).containsExactly(Map.entry(IdKind.SEX, List.of("Q")));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
        iliac_crest_L | quadratus_lumborum | L | §3.1 #1 ipsilateral
        iliac_crest_R hip_lateral_R | quadratus_lumborum | R | §3.1 #1 ipsilateral
        low_back_lateral_L low_back_lateral_R | quadratus_lumborum | BOTH | both sides marked
        sacrum | gluteus_maximus | BOTH | midline only: side open
        mid_back_L | rectus_abdominis | BOTH | §3.1 #12 bilateral band: side open
        mid_back_L abdomen_upper_R | rectus_abdominis | R | §3.1 #12 the sided match fixes the side
        forehead_R eye_orbit_L | sternocleidomastoid | L | §3.1 #24 forehead bilateral, orbit sided
        """)
    void givesEachCandidateTheSideTheMapPointsTo(String regions, String muscle, Side side, String fact) {
        Candidate found = candidate(FINDER.find(PainQuery.of(ids(regions), null, null, null, null)), muscle);
        assertThat(found).as(fact).isNotNull();
        assertThat(found.side()).as(fact).isEqualTo(side);
    }

    @Test
    void explainsEachCandidateWithMatchesSupportAndReasonCodes() {
        PainQuery query = PainQuery.ofRegions("low_back_lateral_R", "iliac_crest_R", "groin_R")
                .withQualities("sharp", "burning")
                .withFactors("cough_sneeze", "walking");
        Candidate ql = candidate(FINDER.find(query), "quadratus_lumborum");
        assertThat(ql.primaryMatches()).containsExactlyInAnyOrder("low_back_lateral_R", "iliac_crest_R");
        assertThat(ql.secondaryMatches()).containsExactly("groin_R");
        assertThat(ql.supportingQualities()).containsExactly("sharp");
        assertThat(ql.supportingFactors()).containsExactly("cough_sneeze");
        assertThat(ql.reasons())
                .contains(
                        ReasonCode.PRIMARY_ZONE_MATCH,
                        ReasonCode.SECONDARY_ZONE_MATCH,
                        ReasonCode.EXPLAINS_WHOLE_MAP,
                        ReasonCode.SUPPORTING_QUALITIES,
                        ReasonCode.SUPPORTING_FACTORS,
                        ReasonCode.COMMON_MUSCLE);
    }

    @Test
    void explainsACandidateInPlainWordsInBothLanguages() {
        PainQuery query =
                PainQuery.ofRegions("low_back_lateral_R", "iliac_crest_R").withFactors("cough_sneeze");
        Candidate ql = candidate(FINDER.find(query), "quadratus_lumborum");
        assertThat(FINDER.explanation(ql, Lang.EN))
                .contains("low back, side, right")
                .contains("top rim of the pelvis, right")
                .contains("coughing or sneezing")
                .doesNotContain("{");
        assertThat(FINDER.explanation(ql, Lang.ES))
                .contains("zona lumbar, lateral, lado derecho")
                .contains("toser o estornudar")
                .doesNotContain("{");
    }

    @Test
    void penalisesAMuscleWhoseEssentialZoneIsUnmarked() {
        PainFinderResult result = FINDER.find(PainQuery.ofRegions("abdomen_lower_R"));
        Candidate ql = candidate(result, "quadratus_lumborum");
        assertThat(ql.reasons()).contains(ReasonCode.ESSENTIAL_ZONE_UNMARKED);
        assertThat(ql.score()).isLessThan(candidate(result, "rectus_abdominis").score());
    }

    @Test
    void marksThePelvicFloorAsOutsideMassageScope() {
        Candidate pelvicFloor = candidate(FINDER.find(PainQuery.ofRegions("coccyx")), "levator_ani_coccygeus");
        assertThat(pelvicFloor.reasons()).contains(ReasonCode.OUTSIDE_MASSAGE_SCOPE);
    }

    @Test
    void ranksQuadratusLumborumAbovePsoasWhenTheMapFitsBothEquallyWell() {
        // §1.5: QL active in 30-55% of low back pain, psoas in 5-10%; iliac crest + SI fits both essential zones once.
        List<String> ranked = PainMapFixtures.ranked(FINDER.find(PainQuery.ofRegions("si_joint_R")));
        assertThat(ranked.indexOf("quadratus_lumborum")).isLessThan(ranked.indexOf("psoas_major"));
        assertThat(ranked.indexOf("gluteus_medius")).isLessThan(ranked.indexOf("psoas_major"));
    }

    @Test
    void recordsTheKnowledgeBaseVersion() {
        assertThat(FINDER.find(PainQuery.ofRegions("sacrum")).knowledgeBaseVersion())
                .isEqualTo(PainMapFixtures.KB.version());
    }

    @Test
    void recordsTheSexWithoutChangingTheRanking() {
        PainQuery without = PainQuery.ofRegions("buttock_mid_R", "coccyx");
        PainQuery with = PainQuery.of(without.regions(), null, null, null, Sex.F);
        assertThat(FINDER.find(with).candidates())
                .isEqualTo(FINDER.find(without).candidates());
    }
}
