package clinic.relief.painmap;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static clinic.relief.painmap.PainMapFixtures.FINDER;
import static clinic.relief.painmap.PainMapFixtures.ranked;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven ranking checks. Columns: marked regions | qualities | factors | expected muscle(s), any of which
 * must rank within the top {@code within} | the fact the row rests on (trigger-points.md section).
 */
class PainFinderRankingTests {

    @ParameterizedTest(name = "[{index}] {4}")
    @CsvSource(delimiter = '|', textBlock = """
        # --- The acceptance examples of issue 3 ---
        low_back_lateral_R iliac_crest_R hip_lateral_R | sharp | cough_sneeze turning_in_bed | quadratus_lumborum | 2 | issue 3 example 1; §3.1 #1 QL
        low_back_paraspinal_L thigh_front_L groin_L | | prolonged_sitting eased_hips_flexed | psoas_major iliacus | 2 | issue 3 example 2; §3.1 #2-3 iliopsoas
        buttock_upper_outer_R iliac_crest_R sacrum thigh_lateral_R | | walking lying_on_side | gluteus_medius | 2 | issue 3 example 3; §3.1 #4 gluteus medius
        buttock_mid_L si_joint_L thigh_back_L coccyx | | prolonged_sitting driving crossed_legs | piriformis | 2 | issue 3 example 4; §3.1 #7 piriformis + clinic tailbone zone
        neck_angle_R scapula_medial_border_R | | limited_neck_rotation awkward_sleep_position | levator_scapulae | 2 | issue 3 example 5; §3.1 #23 levator scapulae
        temple_L mastoid_L neck_lateral_L jaw_L | | headache raised_shoulders stress | upper_trapezius | 2 | issue 3 example 6; §3.1 #20 upper trapezius
        # --- Own cases ---
        buttock_lower_lateral_R thigh_lateral_R knee_lateral_R leg_lateral_R | sharp | sit_to_stand limp | gluteus_minimus | 1 | §3.1 #5 anterior gluteus minimus, pseudo-sciatica
        buttock_lower_medial_L thigh_back_L calf_L | | lying_on_side | gluteus_minimus | 1 | §3.1 #5 posterior gluteus minimus
        thigh_lateral_R knee_lateral_R | | | gluteus_minimus | 1 | §3.1 #5 lateral thigh and knee essential zone
        coccyx buttock_lower_medial_R | | hard_seat prolonged_sitting | gluteus_maximus | 2 | §3.1 #6 gluteus maximus TrP3 to coccyx, nail on a hard seat
        thigh_back_R knee_back_R buttock_lower_medial_R | | chair_edge_pressure | hamstrings | 1 | §3.1 #15 hamstrings, chair edge
        knee_back_L | | | hamstrings | 1 | §3.1 #15 biceps femoris to back of knee
        hip_front_L hip_lateral_L thigh_lateral_L | | lying_on_side | tensor_fasciae_latae | 1 | §3.1 #16 TFL pseudotrochanteric bursitis
        groin_R thigh_medial_R knee_medial_R | | sudden_overload | adductor_longus_brevis | 1 | §3.1 #17 adductor longus/brevis
        thigh_medial_L pelvis_internal groin_L | | horse_riding | adductor_magnus | 1 | §3.1 #18 adductor magnus TrP1 + TrP2
        coccyx pelvis_internal | | defecation prolonged_sitting | levator_ani_coccygeus | 1 | §3.1 #19 pelvic floor coccygodynia
        lumbar_midline low_back_paraspinal_R | | bending_twisting not_eased_by_position | multifidi_rotatores | 1 | §3.1 #8 multifidi, bone ache not eased by position
        buttock_mid_L | | lifting bending_twisting | iliocostalis_lumborum | 1 | §3.1 #9 iliocostalis lumborum strongly to mid-buttock
        mid_back_R scapula_inferior_angle_R scapula_medial_border_R | | lifting | iliocostalis_thoracis | 1 | §3.1 #10 iliocostalis thoracis
        si_joint_R buttock_mid_R | | sit_to_stand | longissimus_thoracis | 1 | §3.1 #11 longissimus, pain low source high
        mid_back_L mid_back_R abdomen_upper_L | | sit_ups abdominal_fullness | rectus_abdominis | 1 | §3.1 #12 rectus abdominis horizontal band, bilateral
        abdomen_lower_R low_back_paraspinal_R si_joint_R | | | rectus_abdominis | 1 | §3.1 #12 lower rectus TrPs to low back, SI and lower abdomen
        lower_ribs_posterior_R mid_back_R | | chronic_cough | serratus_posterior_inferior | 1 | §3.1 #13 serratus posterior inferior local ache
        scapula_inferior_angle_L mid_back_L upper_arm_back_L hand_ulnar_fingers_L | | pulling_down | latissimus_dorsi | 1 | §3.1 #14 latissimus dorsi
        low_back_paraspinal_R si_joint_R | | eased_hips_flexed prolonged_standing | psoas_major iliacus | 2 | §3.1 #2-3 vertical band, worse standing, eased flexed
        vertex_R occiput_R eye_orbit_R cheek_R | | eye_symptoms dizziness | sternocleidomastoid | 1 | §3.1 #24 SCM sternal division, autonomic signs
        forehead_L forehead_R eyebrow_R | | eye_symptoms | sternocleidomastoid | 1 | §3.1 #24 SCM clavicular division, forehead bilateral
        sternum throat_R | | | sternocleidomastoid | 1 | §3.1 #24 SCM sternal division to throat and sternum
        vertex_L | | looking_up | splenius_capitis | 1 | §3.1 #25 splenius capitis to the vertex
        eye_orbit_R neck_angle_R | | eye_symptoms awkward_sleep_position | splenius_cervicis | 1 | §3.1 #26 splenius cervicis
        occiput_L temple_L eye_orbit_L forehead_L | | headache progressive_lenses | suboccipitals | 1 | §3.1 #27 suboccipitals band headache, bifocals
        temple_R forehead_R occiput_R | burning | scalp_tingling neck_flexion_reading | semispinalis_capitis | 1 | §3.1 #28 semispinalis, greater occipital nerve
        chest_upper_L upper_arm_front_L forearm_radial_L hand_thumb_index_L | tingling | hand_tingling | scalenes | 1 | §3.1 #29 scalenes
        shoulder_front_R upper_arm_front_R | | reaching_behind_back | infraspinatus | 1 | §3.1 #30 infraspinatus deep front of shoulder
        scapula_medial_border_L | | desk_work rounded_shoulders | rhomboids | 2 | §3.1 #31 rhomboids hunched desk work
        cheek_R jaw_R teeth_lower_R ear_tmj_R | | clenching_grinding limited_mouth_opening | masseter | 1 | §3.1 #32 masseter
        teeth_upper_R cheek_R | | tooth_sensitivity | masseter | 1 | §3.1 #32 masseter superficial layer, sinus-like
        temple_L eyebrow_L teeth_upper_L | | clenching_grinding tooth_sensitivity | temporalis | 1 | §3.1 #33 temporalis spokes
        shoulder_front_L chest_upper_L hand_ulnar_fingers_L | numbness | rounded_shoulders | pectoralis_minor | 1 | §3.1 #34 pectoralis minor
        shoulder_lateral_R upper_arm_front_R | | reaching_overhead heavy_bag_strap | supraspinatus | 1 | §3.1 #35 supraspinatus mid-deltoid ache
        neck_posterior_L mastoid_L shoulder_top_L | burning | leaning_on_elbows | lower_trapezius | 1 | §3.1 #22 lower trapezius TrP3
        scapula_medial_border_R shoulder_top_R | burning | reaching_forward | middle_trapezius | 1 | §3.1 #21 middle trapezius superficial burning
        neck_lateral_R mastoid_R temple_R | | phone_cradling | upper_trapezius | 1 | §3.1 #20 upper trapezius question mark
        neck_angle_L | stiffness | limited_neck_rotation | levator_scapulae | 1 | §3.1 #23 levator scapulae stiff neck
        iliac_crest_L low_back_lateral_L | | turning_in_bed cough_sneeze | quadratus_lumborum | 1 | §3.1 #1 QL upper superficial TrP
        """)
    void ranksTheMuscleTheFactsPointTo(
            String regions, String qualities, String factors, String expected, int within, String fact) {
        PainQuery query = PainQuery.of(ids(regions), ids(qualities), ids(factors), null, null);
        List<String> top = ranked(FINDER.find(query)).stream().limit(within).toList();
        assertThat(top).as(fact + " -> ranking " + ranked(FINDER.find(query))).containsAnyElementsOf(ids(expected));
    }

    static List<String> ids(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank()
                ? List.of()
                : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }
}
