package clinic.relief.painmap.web;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class PainFinderPageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void showsTheMapTheQuestionsAndTheSafetyCheckInSpanish() throws Exception {
        mvc.perform(get("/pain-finder").param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("¿Dónde le duele?"),
                                containsString("data-region=\"low_back_lateral_R\""),
                                containsString("name=\"redFlags\" value=\"saddle_numbness\""),
                                containsString("Revisión de seguridad"))));
    }

    @Test
    void preselectsTheRegionsAnArticleLinksWithAndIgnoresUnknownOnes() throws Exception {
        mvc.perform(get("/pain-finder").param("regions", "coccyx,no_such_region"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("type=\"checkbox\" name=\"regions\" value=\"coccyx\" checked"),
                                not(containsString("no_such_region")))));
    }

    @Test
    void worksAsAPlainFormAndLeadsToASavedResultsPage() throws Exception {
        String location = mvc.perform(post("/pain-finder")
                        .with(csrf())
                        .param("lang", "en")
                        .param("regions", "buttock_mid_L", "si_joint_L", "thigh_back_L", "coccyx")
                        .param("factors", "prolonged_sitting", "driving", "crossed_legs"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/pain-finder/results/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(location).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Muscles worth checking"),
                                containsString("data-muscle=\"piriformis\""),
                                containsString("Book a session about this"),
                                not(containsString("Get medical help now")))));
    }

    @Test
    void leadsWithTheReferralAndOffersNoBookingForAnEmergency() throws Exception {
        String location = mvc.perform(post("/pain-finder")
                        .with(csrf())
                        .param("regions", "lumbar_midline")
                        .param("redFlags", "saddle_numbness"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(location).param("lang", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Get medical help now"),
                                containsString("href=\"tel:911\""),
                                not(containsString("Book a session about this")),
                                not(containsString("data-muscle=")))));
    }

    @Test
    void asksForARegionWhenNoneWasMarkedAndKeepsTheOtherAnswers() throws Exception {
        mvc.perform(post("/pain-finder").with(csrf()).param("lang", "en").param("qualities", "sharp"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Mark at least one place where it hurts."),
                                containsString("name=\"qualities\" value=\"sharp\" checked"))));
    }

    @Test
    void refusesTamperedAnswersWithAMessageInsteadOfAnError() throws Exception {
        mvc.perform(post("/pain-finder")
                        .with(csrf())
                        .param("lang", "en")
                        .param("regions", "coccyx")
                        .param("factors", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Some answers were not recognized"),
                                not(containsString("<script>alert(1)")))));
    }

    @Test
    void refusesAFormWithoutCsrfToken() throws Exception {
        mvc.perform(post("/pain-finder").param("regions", "coccyx")).andExpect(status().isForbidden());
    }

    @Test
    void answersUnknownOrMalformedResultAddressesWithTheFriendly404() throws Exception {
        mvc.perform(get("/pain-finder/results/00000000-0000-0000-0000-000000000000")
                        .param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("We could not find that page")));
        mvc.perform(get("/pain-finder/results/<b>nope</b>")).andExpect(status().isNotFound());
    }
}
