package clinic.relief.painmap.web;

import java.nio.charset.StandardCharsets;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class PainFinderApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ranksQuadratusLumborumForTheClinicsLowBackExampleAndSavesIt() throws Exception {
        String body = """
                {"regions": ["low_back_lateral_R", "iliac_crest_R", "hip_lateral_R"],
                 "qualities": ["sharp"], "factors": ["cough_sneeze", "turning_in_bed"], "redFlags": [], "lang": "en"}""";
        String location = assess(body)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Location", startsWith("/api/pain-finder/assessments/")))
                .andExpect(jsonPath("$.assessmentId").isNotEmpty())
                .andExpect(jsonPath("$.referral").doesNotExist())
                .andExpect(jsonPath("$.candidates[0].muscle").value("quadratus_lumborum"))
                .andExpect(jsonPath("$.candidates[0].side").value("R"))
                .andExpect(jsonPath("$.candidates[0].name").value("Quadratus lumborum"))
                .andExpect(jsonPath("$.candidates[0].primaryMatches", hasItem("iliac_crest_R")))
                .andExpect(jsonPath("$.candidates[0].supportingFactors", hasItem("cough_sneeze")))
                .andExpect(jsonPath("$.candidates[0].explanation").isNotEmpty())
                .andExpect(jsonPath("$.combination.muscles", hasItem("quadratus_lumborum")))
                .andReturn()
                .getResponse()
                .getHeader("Content-Location");

        mvc.perform(get(location).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].muscle").value("quadratus_lumborum"))
                .andExpect(jsonPath("$.candidates[0].name").value("Cuadrado lumbar"))
                .andExpect(jsonPath("$.query.factors", hasItem("turning_in_bed")));
    }

    @Test
    void answersThePostWithTheSameDocumentThatReadingTheAssessmentBackGives() throws Exception {
        var posted = assess("""
                {"regions": ["buttock_mid_L", "si_joint_L", "thigh_back_L", "coccyx"],
                 "factors": ["prolonged_sitting", "driving", "crossed_legs"], "lang": "es"}""")
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
        byte[] body = posted.getContentAsByteArray();
        assertThat(posted.getContentLength()).isEqualTo(body.length);

        byte[] read = mvc.perform(get(posted.getHeader("Content-Location")).param("lang", "es"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void opensNoSessionAndSetsNoCookieButKeepsTheSecurityHeaders() throws Exception {
        var result = mvc.perform(post("/api/pain-finder")
                        .param("lang", "es")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regions\": [\"coccyx\"]}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void leadsWithAnEmergencyReferralForCaudaEquinaFlags() throws Exception {
        assess("""
                {"regions": ["lumbar_midline"], "redFlags": ["saddle_numbness", "bladder_bowel_change"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.referral.level").value("emergency"))
                .andExpect(jsonPath("$.referral.flags", hasSize(2)))
                .andExpect(jsonPath("$.referral.message").isNotEmpty());
    }

    @Test
    void answersInTheLanguageOfTheRequestWhenNoneIsGiven() throws Exception {
        mvc.perform(post("/api/pain-finder")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "es-MX")
                        .content("{\"regions\": [\"coccyx\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lang").value("es"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty regions | {\"regions\": []} | No region marked",
                "no regions | {\"qualities\": [\"sharp\"]} | No region marked",
                "null region | {\"regions\": [null]} | Unknown ids",
                "unknown region | {\"regions\": [\"elbow_Q\"]} | Unknown ids",
                "unknown sex | {\"regions\": [\"coccyx\"], \"sex\": \"Q\"} | Unknown ids",
                "unknown lang | {\"regions\": [\"coccyx\"], \"lang\": \"fr\"} | Invalid request",
                "malformed | {\"regions\": [\"coccyx\" | Unreadable request body",
                "wrong type | {\"regions\": \"coccyx\"} | Unreadable request body",
                "wrong nesting | {\"regions\": [[\"coccyx\"]]} | Unreadable request body",
                "not an object | [1, 2, 3] | Unreadable request body",
            })
    void refusesBadInputWithAProblemAndSavesNothing(String name, String body, String title) throws Exception {
        long before = assessmentsSaved();

        assess(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value(title));

        assertThat(assessmentsSaved()).isEqualTo(before);
    }

    @Test
    void listsEveryUnknownIdByKind() throws Exception {
        assess("""
                {"regions": ["coccyx", "elbow_Q"], "qualities": ["itchy"], "factors": ["sitting", "driving"],
                 "redFlags": ["zombie_bite"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.unknownIds.region[0]").value("elbow_Q"))
                .andExpect(jsonPath("$.unknownIds.quality[0]").value("itchy"))
                .andExpect(jsonPath("$.unknownIds.factor[0]").value("sitting"))
                .andExpect(jsonPath("$.unknownIds.redFlag", anyOf(hasItem("zombie_bite"))));
    }

    @Test
    void refusesAnOversizeBody() throws Exception {
        String regions = "\"coccyx\",".repeat(8_000);
        assess("{\"regions\": [" + regions + "\"coccyx\"]}").andExpect(status().isPayloadTooLarge());
    }

    @Test
    void refusesAnotherContentType() throws Exception {
        mvc.perform(post("/api/pain-finder").contentType(MediaType.TEXT_PLAIN).content("coccyx"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void listsTheWholeVocabularyInBothLanguages() throws Exception {
        mvc.perform(get("/api/pain-finder/vocabulary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regions", hasSize(121)))
                .andExpect(jsonPath("$.muscles", hasSize(35)))
                .andExpect(jsonPath("$.qualities", hasSize(8)))
                .andExpect(jsonPath("$.redFlags", hasSize(17)))
                .andExpect(jsonPath(
                        "$.regions[?(@.id == 'low_back_lateral_R')].label.en", hasItem("Low back, side, right")))
                .andExpect(jsonPath(
                        "$.regions[?(@.id == 'low_back_lateral_R')].label.es", hasItem(containsString("derecho"))));
    }

    @Test
    void answersAnUnknownAssessmentWith404AndAMalformedIdWith400() throws Exception {
        mvc.perform(get("/api/pain-finder/assessments/00000000-0000-0000-0000-000000000000"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/pain-finder/assessments/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void publishesItsOpenApiDescriptionAndDocsPage() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/pain-finder/vocabulary")));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    private ResultActions assess(String body) throws Exception {
        return mvc.perform(
                post("/api/pain-finder").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long assessmentsSaved() {
        return jdbc.sql("select count(*) from painmap_assessment")
                .query(Long.class)
                .single();
    }
}
