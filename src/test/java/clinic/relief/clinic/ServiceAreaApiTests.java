package clinic.relief.clinic;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class ServiceAreaApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void answersForAServedZipPlusFour() throws Exception {
        mvc.perform(get("/api/service-area").param("q", "90277-1234"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.query").value("90277"))
                .andExpect(jsonPath("$.served").value(true))
                .andExpect(jsonPath("$.city").value("Redondo Beach"));
    }

    @Test
    void answersForACityWhateverItsCaseOrAccents() throws Exception {
        mvc.perform(post("/api/service-area/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"query\": \"  sánta   MONICA \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.served").value(true))
                .andExpect(jsonPath("$.city").value("Santa Monica"));
    }

    @Test
    void saysNoForAnUnknownZip() throws Exception {
        mvc.perform(get("/api/service-area").param("q", "99999"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.served").value(false))
                .andExpect(jsonPath("$.city").doesNotExist());
    }

    @Test
    void rejectsAQueryThatIsNeitherZipNorCity() throws Exception {
        mvc.perform(get("/api/service-area").param("q", "12ab"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"query\": ", "not json", "[1, 2]", "{\"query\": {\"nested\": true}}"})
    void rejectsMalformedOrMistypedJsonWithAProblem(String body) throws Exception {
        mvc.perform(post("/api/service-area/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unreadable request body"));
    }

    @Test
    void listsEachInvalidFieldInSpanishWhenAskedInSpanish() throws Exception {
        mvc.perform(post("/api/service-area/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "es")
                        .content("{\"query\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Solicitud no válida"))
                .andExpect(jsonPath("$.errors[0].field").value("query"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void refusesAnOversizeBodyBeforeReadingIt() throws Exception {
        String huge = "{\"query\": \"" + "a".repeat(70_000) + "\"}";
        mvc.perform(post("/api/service-area/check")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAnUnsupportedContentType() throws Exception {
        mvc.perform(post("/api/service-area/check")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("90266"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersAnUnknownApiPathWithAProblem() throws Exception {
        mvc.perform(get("/api/does-not-exist"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(containsString("\"status\":404")));
    }

    @Test
    void answersAWrongMethodWithAProblem() throws Exception {
        mvc.perform(delete("/api/service-area"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
