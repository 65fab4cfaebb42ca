package clinic.relief.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingTestData;
import clinic.relief.patients.Intake;
import clinic.relief.patients.Patients;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static clinic.relief.booking.online.OnlineBookingPost.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A returning patient's health history carries forward: pre-filled, versioned, never erased by a blank form. */
@ReliefTest
class HealthHistoryCarryForwardTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Patients patients;

    @Autowired
    ApplicationContext context;

    BookingTestData data;
    UUID therapist;
    String email;
    Cookie session;
    UUID me;

    @BeforeEach
    void setUp() throws Exception {
        data = new BookingTestData(context);
        therapist = data.therapistWithOwnRoom("00:00", "23:45");
        email = "returning-" + UUID.randomUUID() + "@example.com";
        session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);
        me = patients.findByEmail(email).orElseThrow().id();
    }

    @Test
    void aReturningPatientsSecondFormOpensFilledInAndABlankOneErasesNothing() throws Exception {
        mvc.perform(booking("10:00")
                        .param("conditions", "Sciatica")
                        .param("medications", "Ibuprofen")
                        .param("allergies", "Latex"))
                .andExpect(redirectedUrl("/book/done"));

        Document second = Jsoup.parse(mvc.perform(get("/book/details")
                        .cookie(session)
                        .param("choice", "swedish:60")
                        .param("slot", slot("12:00")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(second.select("textarea[name=allergies]").text()).isEqualTo("Latex");
        assertThat(second.select("textarea[name=conditions]").text()).isEqualTo("Sciatica");
        assertThat(second.select("textarea[name=medications]").text()).isEqualTo("Ibuprofen");
        assertThat(second.select("input[name=consentToTreatment][checked]")).isEmpty();

        // The second form comes back with allergies and conditions blank and a new medication.
        mvc.perform(booking("12:00")
                        .param("conditions", "")
                        .param("medications", "Naproxen")
                        .param("allergies", "  "))
                .andExpect(redirectedUrl("/book/done"));

        Intake current = patients.latestIntake(me).orElseThrow().answers();
        assertThat(current.allergies()).isEqualTo("Latex");
        assertThat(current.conditions()).isEqualTo("Sciatica");
        assertThat(current.medications()).isEqualTo("Naproxen");
    }

    @Test
    void staffSeeTheCurrentAnswersWithEveryVersionWhoGaveItAndWhatChanged() throws Exception {
        mvc.perform(booking("10:00").param("allergies", "Latex").param("medications", "Ibuprofen"))
                .andExpect(redirectedUrl("/book/done"));
        mvc.perform(booking("12:00").param("allergies", "").param("medications", "Naproxen"))
                .andExpect(redirectedUrl("/book/done"));
        UUID appointment = jdbc.sql(
                        "select id from booking_appointment where patient_id = :p order by starts_at desc" + " limit 1")
                .param("p", me)
                .query(UUID.class)
                .single();

        Document page = Jsoup.parse(mvc.perform(get("/staff/booking/" + appointment + "/intake")
                        .param("lang", "en")
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("dl.facts").text()).contains("Latex").contains("Naproxen");
        List<String> versions = page.select("tr.intake-version").eachText();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0)).contains(email).contains("Medications").doesNotContain("Allergies");
        assertThat(versions.get(1)).contains(email).contains("Allergies").contains("Medications");
        assertThat(jdbc.sql("select count(*) from patient_intake where patient_id = :p")
                        .param("p", me)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    private MockHttpServletRequestBuilder booking(String time) {
        return patient("swedish:60", slot(time)).post().cookie(session);
    }

    private String slot(String time) {
        Instant start = data.at(data.day(), time);
        return start + "|" + therapist;
    }
}
