package clinic.relief.painmap;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static clinic.relief.painmap.PainMapFixtures.KB;
import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseTests {

    static final List<String> CONTRACT_MUSCLES = List.of(
            "quadratus_lumborum",
            "psoas_major",
            "iliacus",
            "gluteus_medius",
            "gluteus_minimus",
            "gluteus_maximus",
            "piriformis",
            "multifidi_rotatores",
            "iliocostalis_lumborum",
            "iliocostalis_thoracis",
            "longissimus_thoracis",
            "rectus_abdominis",
            "serratus_posterior_inferior",
            "latissimus_dorsi",
            "hamstrings",
            "tensor_fasciae_latae",
            "adductor_longus_brevis",
            "adductor_magnus",
            "levator_ani_coccygeus",
            "upper_trapezius",
            "middle_trapezius",
            "lower_trapezius",
            "levator_scapulae",
            "sternocleidomastoid",
            "splenius_capitis",
            "splenius_cervicis",
            "suboccipitals",
            "semispinalis_capitis",
            "scalenes",
            "infraspinatus",
            "rhomboids",
            "masseter",
            "temporalis",
            "pectoralis_minor",
            "supraspinatus");

    static final List<String> CONTRACT_QUALITIES =
            List.of("aching", "sharp", "burning", "tingling", "numbness", "stiffness", "tender_to_touch", "throbbing");

    @Test
    void loadsAVersionedKnowledgeBase() {
        assertThat(KB.version()).isNotBlank();
    }

    @Test
    void expandsSixtyThreeBaseRegionsToOneHundredTwentyOneSelectableIds() {
        assertThat(KB.regions()).hasSize(63);
        assertThat(KB.regionIds())
                .hasSize(121)
                .doesNotHaveDuplicates()
                .contains(
                        "low_back_lateral_R",
                        "iliac_crest_L",
                        "sternum",
                        "lumbar_midline",
                        "sacrum",
                        "coccyx",
                        "pelvis_internal");
        assertThat(KB.regions().stream().filter(r -> !r.paired()).map(Region::baseId))
                .containsExactlyInAnyOrder("sternum", "lumbar_midline", "sacrum", "coccyx", "pelvis_internal");
    }

    @Test
    void holdsTheThirtyFiveMusclesOfTheContract() {
        assertThat(KB.muscles()).extracting(Muscle::id).containsExactlyElementsOf(CONTRACT_MUSCLES);
    }

    @Test
    void holdsTheQualitiesOfTheContract() {
        assertThat(KB.qualities()).extracting(Quality::id).containsExactlyElementsOf(CONTRACT_QUALITIES);
    }

    @ParameterizedTest
    @CsvSource({
        "worse_with, prolonged_sitting prolonged_standing walking sit_to_stand turning_in_bed cough_sneeze lying_on_side lying_on_back bending_twisting lifting driving crossed_legs hard_seat uphill_walking running standing_on_one_leg soft_sand_walking sit_ups reaching_overhead reaching_behind_back reaching_forward pulling_down looking_up neck_flexion_reading desk_work phone_cradling heavy_bag_strap raised_shoulders leaning_on_elbows clenching_grinding gum_chewing chair_edge_pressure swimming cycling horse_riding defecation",
        "better_with, eased_lying_down eased_sitting eased_hips_flexed not_eased_by_position",
        "started_after, fall sudden_overload whiplash awkward_sleep_position gardening",
        "habits, wallet_back_pocket fetal_sleep_position forward_head rounded_shoulders progressive_lenses stress chronic_cough leg_length_difference",
        "goes_with, headache dizziness eye_symptoms tinnitus tooth_sensitivity limited_mouth_opening limited_neck_rotation hand_tingling leg_tingling scalp_tingling night_pain limp abdominal_fullness"
    })
    void holdsEveryContractFactorInItsGroup(String group, String ids) {
        for (String id : ids.split(" ")) {
            assertThat(KB.factor(id)).as(id).isNotNull();
            assertThat(KB.factor(id).group().id()).as(id).isEqualTo(group);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "saddle_numbness, emergency", "bladder_bowel_change, emergency", "bilateral_leg_symptoms, emergency",
        "progressive_weakness, urgent", "major_trauma, emergency", "minor_trauma_osteoporosis, urgent",
        "fever_or_infection_risk, urgent", "cancer_history, urgent", "unexplained_weight_loss, urgent",
        "constant_night_pain, urgent", "thunderclap_headache, emergency", "neurological_deficit, emergency",
        "jaw_claudication_over_50, urgent", "myelopathy_signs, urgent", "chest_pain_exertion, emergency",
        "neck_movement_drop_attacks, urgent", "inflammatory_pattern, see_doctor"
    })
    void holdsEveryContractRedFlagAtItsLevel(String flag, String level) {
        assertThat(KB.redFlag(flag)).isNotNull();
        assertThat(KB.redFlag(flag).level().id()).isEqualTo(level);
    }

    @Test
    void holdsExactlyTheSeventeenContractRedFlags() {
        assertThat(KB.redFlags()).hasSize(17);
    }

    @Test
    void resolvesEveryZoneAndTriggerPointOfEveryMuscleToARegion() {
        for (Muscle muscle : KB.muscles()) {
            Stream.of(muscle.primary(), muscle.secondary(), List.copyOf(muscle.bilateral()), muscle.triggerPoints())
                    .flatMap(List::stream)
                    .forEach(zone -> assertThat(KB.region(zone))
                            .as(muscle.id() + " " + zone)
                            .isNotNull());
            assertThat(muscle.primary()).as(muscle.id()).isNotEmpty();
            muscle.qualities()
                    .forEach(q ->
                            assertThat(KB.quality(q)).as(muscle.id() + " " + q).isNotNull());
            muscle.factors()
                    .forEach(f ->
                            assertThat(KB.factor(f)).as(muscle.id() + " " + f).isNotNull());
            assertThat(muscle.prior()).as(muscle.id()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void addsTheClinicsTailboneZoneToPiriformisAsSecondary() {
        assertThat(KB.muscle("piriformis").secondary()).contains("coccyx");
        assertThat(KB.muscle("piriformis").primary()).doesNotContain("coccyx");
    }

    @Test
    void ranksThePrevalentLowBackMusclesAbovePsoasInItsPriors() {
        for (String common : List.of("quadratus_lumborum", "gluteus_medius", "iliocostalis_lumborum", "piriformis")) {
            assertThat(KB.muscle(common).prior())
                    .as(common)
                    .isGreaterThan(KB.muscle("psoas_major").prior());
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void labelsEveryIdInBothLanguages(Lang lang) {
        KB.regions().forEach(r -> assertThat(r.label().in(lang)).as(r.baseId()).isNotBlank());
        KB.qualities().forEach(q -> assertThat(q.label().in(lang)).as(q.id()).isNotBlank());
        KB.factors().forEach(f -> assertThat(f.label().in(lang)).as(f.id()).isNotBlank());
        KB.redFlags().forEach(f -> assertThat(f.label().in(lang)).as(f.id()).isNotBlank());
        KB.muscles().forEach(m -> assertThat(m.name().in(lang)).as(m.id()).isNotBlank());
        for (ReferralLevel level : ReferralLevel.values()) {
            assertThat(KB.referralMessage(level).in(lang)).isNotBlank();
        }
        assertThat(KB.doctorFirstNotes()).extracting(DoctorNote::id).containsExactly("chest", "arm", "tingling");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void givesEveryMuscleEveryLayAndTherapistText(Lang lang) {
        for (Muscle muscle : KB.muscles()) {
            MuscleTexts texts = muscle.texts(lang);
            MuscleTexts.Lay lay = texts.lay();
            MuscleTexts.Therapist therapist = texts.therapist();
            assertThat(List.of(
                            lay.where(),
                            lay.refers(),
                            lay.causes(),
                            lay.latent(),
                            lay.active(),
                            lay.session(),
                            therapist.where(),
                            therapist.refers(),
                            therapist.causes(),
                            therapist.notes()))
                    .as(muscle.id())
                    .allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(lay.selfCare())
                    .as(muscle.id())
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t).isNotBlank());
        }
    }

    @Test
    void writesTheSpanishTextsInSpanishNotAsCopiesOfTheEnglish() {
        for (Muscle muscle : KB.muscles()) {
            assertThat(muscle.texts(Lang.ES).lay().refers())
                    .as(muscle.id())
                    .isNotEqualTo(muscle.texts(Lang.EN).lay().refers());
        }
        assertThat(KB.region("si_joint").label().es()).isEqualTo("Zona sacroilíaca");
        assertThat(KB.muscle("iliacus").name().es()).isEqualTo("Ilíaco");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void wordsEverySideAndReasonCodeInBothLanguages(Lang lang) {
        for (Side side : Side.values()) {
            assertThat(KB.sideLabel(side).in(lang)).as(side.id()).isNotBlank();
        }
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(KB.reasonText(reason).in(lang)).as(reason.id()).isNotBlank();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        low_back_lateral_R | EN | Low back, side, right
        low_back_lateral_L | ES | Zona lumbar, lateral, lado izquierdo
        coccyx             | EN | Tailbone
        si_joint_R         | ES | Zona sacroilíaca, lado derecho
        """)
    void labelsASelectableRegionWithThePersonsOwnSide(String id, Lang lang, String label) {
        assertThat(KB.regionLabel(id, lang)).isEqualTo(label);
    }

    @Test
    void sidesBaseRegionsForTheSmallMap() {
        assertThat(KB.sided(List.of("iliac_crest", "sacrum"), Side.R)).containsExactly("iliac_crest_R", "sacrum");
        assertThat(KB.sided(List.of("iliac_crest"), Side.BOTH)).containsExactly("iliac_crest_L", "iliac_crest_R");
    }
}
