package clinic.relief.painmap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class KnowledgeBaseValidationTests {

    private static final String KB_YAML = resource("painmap/knowledge-base.yml");
    private static final String EN = resource("painmap/texts/muscles.en.yml");
    private static final String ES = resource("painmap/texts/muscles.es.yml");

    @Test
    void acceptsTheShippedResources() {
        assertThat(KnowledgeBase.parse(KB_YAML, texts(EN, ES)).muscles()).hasSize(35);
    }

    @Test
    void rejectsAMuscleZoneThatNamesNoRegion() {
        String broken = KB_YAML.replace("primary: [neck_angle]", "primary: [neck_corner]");
        assertProblem(broken, texts(EN, ES), "muscle levator_scapulae primary names unknown region 'neck_corner'");
    }

    @Test
    void rejectsAMuscleWithoutPrimaryZone() {
        String broken = KB_YAML.replace("primary: [shoulder_lateral]", "primary: []");
        assertProblem(broken, texts(EN, ES), "muscles[supraspinatus]: no primary zone");
    }

    @Test
    void rejectsARegionWithoutSpanishLabel() {
        String broken = KB_YAML.replace("es: \"Coxis\"", "es: \"\"");
        assertProblem(broken, texts(EN, ES), "regions[coccyx]: missing Spanish text");
    }

    @Test
    void rejectsAnUnknownFactorOnAMuscle() {
        String broken = KB_YAML.replace(
                "factors: [heavy_bag_strap, reaching_overhead, night_pain]",
                "factors: [heavy_bag_strap, juggling, night_pain]");
        assertProblem(broken, texts(EN, ES), "muscle supraspinatus names unknown factor 'juggling'");
    }

    @Test
    void rejectsARegionDefinedTwice() {
        String broken = KB_YAML.replace("  - { id: forehead,", "  - { id: vertex,");
        assertProblem(broken, texts(EN, ES), "region id 'vertex' is defined twice");
    }

    @Test
    void rejectsABilateralZoneOutsideTheMusclesZones() {
        String broken = KB_YAML.replace("bilateral: [forehead]", "bilateral: [forehead, jaw]");
        assertProblem(broken, texts(EN, ES), "bilateral zone jaw is not a primary or secondary zone");
    }

    @Test
    void rejectsAMissingReasonSentence() {
        String broken = KB_YAML.replace("  bilateral_pattern: ", "  bilateral_patterns: ");
        assertProblem(broken, texts(EN, ES), "reasons.bilateral_pattern");
    }

    @Test
    void rejectsAMissingReferralMessage() {
        String broken = KB_YAML.replace("  see_doctor:\n", "  see_a_doctor:\n");
        assertProblem(broken, texts(EN, ES), "referralMessages.see_doctor");
    }

    @Test
    void rejectsAMissingTextsResource() {
        Map<Lang, String> onlyEnglish = new EnumMap<>(Lang.class);
        onlyEnglish.put(Lang.EN, EN);
        assertProblem(KB_YAML, onlyEnglish, "painmap/texts/muscles.es.yml: resource is missing");
    }

    @Test
    void rejectsAMuscleTextWithABlankField() {
        String broken = ES.replaceFirst("(?m)^(\\s+)session: .*$", "$1session: \"\"");
        assertProblem(KB_YAML, texts(EN, broken), "lay.session is missing or blank");
    }

    @Test
    void rejectsATextsFileInTheWrongLanguage() {
        assertProblem(KB_YAML, texts(EN, EN), "language is 'en', expected 'es'");
    }

    @Test
    void rejectsAMuscleMissingFromATextsFile() {
        String broken = EN.replace("  quadratus_lumborum:", "  quadratus_lumborum_old:");
        InvalidKnowledgeBase failure = assertProblem(
                KB_YAML,
                texts(broken, ES),
                "no complete texts for muscle 'quadratus_lumborum' in painmap/texts/muscles.en.yml");
        assertThat(failure.problems()).anyMatch(p -> p.contains("unknown muscle id 'quadratus_lumborum_old'"));
    }

    private static InvalidKnowledgeBase assertProblem(String kb, Map<Lang, String> texts, String expected) {
        InvalidKnowledgeBase failure =
                catchThrowableOfType(InvalidKnowledgeBase.class, () -> KnowledgeBase.parse(kb, texts));
        assertThat(failure).as("expected the knowledge base to be rejected").isNotNull();
        assertThat(failure.getMessage()).contains(expected);
        return failure;
    }

    private static Map<Lang, String> texts(String en, String es) {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        texts.put(Lang.EN, en);
        texts.put(Lang.ES, es);
        return texts;
    }

    private static String resource(String name) {
        try (InputStream in =
                KnowledgeBaseValidationTests.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
