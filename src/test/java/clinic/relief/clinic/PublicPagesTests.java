package clinic.relief.clinic;

import java.time.Clock;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class PublicPagesTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource({
        "/, en, Find your pain source",
        "/, es, Descubra el origen de su dolor",
        "/services, en, Trigger point therapy (neuromuscular)",
        "/services, es, Terapia de puntos gatillo (neuromuscular)",
        "/therapists, en, Our therapists",
        "/therapists, es, Nuestros terapeutas",
        "/insurance, en, PPO insurance",
        "/insurance, es, Seguros PPO",
        "/service-area, en, Manhattan Beach",
        "/service-area, es, Zonas que atendemos",
        "/contact, en, Opening hours",
        "/contact, es, Horario",
        "/staff/login, en, Staff sign-in",
        "/staff/login, es, Acceso del personal",
    })
    void servesEveryPublicPageInTheVisitorsLanguage(String path, String language, String expectedText)
            throws Exception {
        mvc.perform(get(path).param("lang", language))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"" + language + "\""), containsString(expectedText))));
    }

    @Test
    void picksSpanishFromTheBrowserWhenNoLanguageWasChosen() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5"))
                .andExpect(content().string(containsString("<html lang=\"es\"")));
    }

    @Test
    void fallsBackToEnglishForALanguageTheClinicDoesNotSpeak() throws Exception {
        mvc.perform(get("/").param("lang", "fr").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")));
    }

    @Test
    void ignoresAGarbageLanguageParameter() throws Exception {
        mvc.perform(get("/").param("lang", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void showsPricesFromTheClinicProfile() throws Exception {
        mvc.perform(get("/services").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("$110.00"), containsString("90 minutes"))));
    }

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin schedules;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Test
    void showsTheClickToCallLinkAndHours() throws Exception {
        // The site advertises the clinic's hours where someone can be booked: a therapist working every day, 7-22.
        new BookingFixture(staff, schedules, patients, clock).therapist("07:00", "22:00");
        mvc.perform(get("/contact").param("lang", "en"))
                .andExpect(content()
                        .string(allOf(containsString("href=\"tel:+13105550142\""), containsString("Monday – Friday"))));
    }

    @Test
    void unknownPageIsAFriendly404InTheVisitorsLanguage() throws Exception {
        mvc.perform(get("/no-such-page").header("Accept-Language", "es"))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(
                                containsString("No encontramos esa página"),
                                containsString("<html lang=\"es\""),
                                not(containsString("Exception")))));
    }

    @Test
    void unknownPageDoesNotReflectItsPath() throws Exception {
        mvc.perform(get("/<script>alert(1)</script>"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void sendsSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                allOf(
                                        containsString("script-src 'self'"),
                                        containsString("frame-ancestors 'none'"),
                                        not(containsString("unsafe-inline")))))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void sendsHstsOnlyOverHttps() throws Exception {
        mvc.perform(get("/").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
    }

    @Test
    void contactPageOffersOnlineBookingInsteadOfPromisingIt() throws Exception {
        mvc.perform(get("/contact").param("lang", "en"))
                .andExpect(content()
                        .string(allOf(
                                not(containsString("on its way")),
                                containsString("choose a time yourself"),
                                containsString("href=\"/book\""))));
        mvc.perform(get("/contact").param("lang", "es"))
                .andExpect(content().string(not(containsString("llegarán pronto"))));
    }

    @Test
    void insurancePageListsThePlanOnOfferWithItsPrice() throws Exception {
        mvc.perform(get("/insurance").param("lang", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Relief Monthly"),
                                containsString("$79.00 a month"),
                                containsString("One 60-minute"),
                                not(containsString("coming soon")))));
        mvc.perform(get("/insurance").param("lang", "es"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Relief Mensual"),
                                containsString("al mes"),
                                not(containsString("Muy pronto")))));
    }

    @Test
    void alternateLanguageLinksAreAbsoluteWithADefault() throws Exception {
        mvc.perform(get("/services").param("lang", "es"))
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString(
                                                        "rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/services?lang=en\""),
                                                containsString(
                                                        "rel=\"alternate\" hreflang=\"es\" href=\"http://localhost:8080/services?lang=es\""),
                                                containsString(
                                                        "rel=\"alternate\" hreflang=\"x-default\" href=\"http://localhost:8080/services\""))));
    }

    @Test
    void aSpanishArticleIsServedInSpanishAndLinksItsTranslation() throws Exception {
        mvc.perform(get("/blog/puntos-gatillo-activos-y-latentes").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("<html lang=\"es\""),
                                                containsString("<header class=\"site-header\" lang=\"en\""),
                                                containsString(
                                                        "hreflang=\"en\" href=\"http://localhost:8080/blog/active-and-latent-trigger-points\""),
                                                containsString(
                                                        "hreflang=\"es\" href=\"http://localhost:8080/blog/puntos-gatillo-activos-y-latentes\""),
                                                containsString(
                                                        "hreflang=\"x-default\" href=\"http://localhost:8080/blog/active-and-latent-trigger-points\""))));
    }
}
