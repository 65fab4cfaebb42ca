package clinic.relief.painmap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static clinic.relief.painmap.PainFinderRankingTests.ids;
import static clinic.relief.painmap.PainMapFixtures.FINDER;
import static org.assertj.core.api.Assertions.assertThat;

class RedFlagScreenTests {

    @ParameterizedTest
    @ValueSource(strings = {"low_back_lateral_R", "coccyx buttock_mid_L", "temple_L neck_angle_R", "ankle_foot_R"})
    void leadsWithAnEmergencyReferralForSaddleNumbnessAndBladderChangeOnAnyMap(String regions) {
        PainQuery query = PainQuery.of(ids(regions), null, null, ids("saddle_numbness bladder_bowel_change"), null);
        Referral referral = FINDER.find(query).referral();
        assertThat(referral).isNotNull();
        assertThat(referral.level()).isEqualTo(ReferralLevel.EMERGENCY);
        assertThat(referral.flags()).containsExactlyInAnyOrder("saddle_numbness", "bladder_bowel_change");
        assertThat(referral.message()).isEqualTo(PainMapFixtures.KB.referralMessage(ReferralLevel.EMERGENCY));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        inflammatory_pattern | see_doctor | see_doctor alone
        cancer_history inflammatory_pattern | urgent | urgent beats see_doctor
        cancer_history chest_pain_exertion inflammatory_pattern | emergency | emergency beats urgent and see_doctor
        progressive_weakness unexplained_weight_loss | urgent | two urgent flags stay urgent
        thunderclap_headache | emergency | SNNOOP10 thunderclap onset
        """)
    void letsTheMostSevereLevelWinAndListsEveryFlag(String flags, String level, String why) {
        PainQuery query =
                PainQuery.ofRegions("neck_posterior_L").withRedFlags(ids(flags).toArray(String[]::new));
        Referral referral = FINDER.find(query).referral();
        assertThat(referral.level().id()).as(why).isEqualTo(level);
        assertThat(referral.flags()).containsExactlyInAnyOrderElementsOf(ids(flags));
        assertThat(referral.flags().get(0))
                .satisfies(first -> assertThat(
                                PainMapFixtures.KB.redFlag(first).level().id())
                        .isEqualTo(level));
    }

    @Test
    void givesNoReferralWithoutRedFlags() {
        assertThat(FINDER.find(PainQuery.ofRegions("low_back_lateral_R")).referral())
                .isNull();
    }

    @Test
    void stillRanksCandidatesBehindAReferralSoThePageCanShowThemAfterIt() {
        PainFinderResult result =
                FINDER.find(PainQuery.ofRegions("low_back_lateral_R").withRedFlags("cancer_history"));
        assertThat(result.referral()).isNotNull();
        assertThat(result.candidates()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
        chest_upper_L |  |  | chest | §1.6 pectoralis and scalene patterns mimic angina
        sternum |  |  | chest | §1.6 chest pain cleared medically first
        forearm_ulnar_L |  |  | arm | §1.6 arm pain may be cardiac
        hand_thumb_index_R |  |  | arm | §3.1 #29 scalene arm pattern
        low_back_lateral_R | tingling |  | tingling | §1.5 trigger points coexist with radiculopathy
        low_back_lateral_R | numbness |  | tingling | §1.5 neurological symptoms need referral
        buttock_mid_L |  | leg_tingling | tingling | §3.1 #7 sciatic entrapment vs nerve root
        occiput_R |  | scalp_tingling | tingling | §3.1 #28 greater occipital nerve
        chest_upper_L upper_arm_front_L | tingling | hand_tingling | chest arm tingling | §3.1 #29 scalenes, clear chest pain first
        """)
    void addsTheDoctorFirstNotesForChestArmAndTinglingPatterns(
            String regions, String qualities, String factors, String notes, String fact) {
        PainQuery query = PainQuery.of(ids(regions), ids(qualities), ids(factors), null, null);
        PainFinderResult result = FINDER.find(query);
        assertThat(result.doctorFirstNotes())
                .as(fact)
                .extracting(DoctorNote::id)
                .containsExactlyElementsOf(ids(notes));
        assertThat(result.referral()).isNull();
    }

    @Test
    void addsNoDoctorFirstNoteToAPlainLowBackMap() {
        PainQuery query =
                PainQuery.ofRegions("low_back_lateral_R", "iliac_crest_R").withQualities("aching");
        assertThat(FINDER.find(query).doctorFirstNotes()).isEmpty();
    }

    @Test
    void carriesTheDoctorFirstNotesInTheReferralToo() {
        PainQuery query = PainQuery.ofRegions("chest_upper_L").withRedFlags("chest_pain_exertion");
        Referral referral = FINDER.find(query).referral();
        assertThat(referral.level()).isEqualTo(ReferralLevel.EMERGENCY);
        assertThat(referral.notes()).extracting(DoctorNote::id).containsExactly("chest");
    }
}
