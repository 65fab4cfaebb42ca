package clinic.relief.booking.online;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.IntakeDocument;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.assertj.core.groups.Tuple;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An online booking records the versions of the consent and privacy texts its page linked to; when they changed
 * between showing and submitting, nothing is stored and the patient is asked to read them again.
 */
@ReliefTest
class OnlineConsentVersionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    IntakeForms intakeForms;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    LocalDate day;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void theStoredConsentAndPrivacyVersionsAreThoseOfTheLinkedDocuments() throws Exception {
        String slot = fixture.at(day, "11:00") + "|" + therapist;
        Document page = Jsoup.parse(mvc.perform(
                        get("/book/details").param("choice", "trigger-point:60").param("slot", slot))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        String consentLink = page.select("a[href^=/intake/documents/CONSENT/]").attr("href");
        String privacyLink = page.select("a[href^=/intake/documents/PRIVACY/]").attr("href");
        assertThat(consentLink).isNotEmpty();
        assertThat(privacyLink).isNotEmpty();
        String shown = page.select("input[name=documentVersions]").val();
        String conditions = "consent-" + UUID.randomUUID();

        mvc.perform(form(slot, conditions).with("documentVersions", shown).post())
                .andExpect(redirectedUrl("/book/check-email"));

        Map<String, Object> stored = jdbc.sql(
                        "select consent_version, privacy_version from patient_intake where conditions = :c")
                .param("c", conditions)
                .query()
                .singleRow();
        assertThat(consentLink).isEqualTo("/intake/documents/CONSENT/" + stored.get("consent_version"));
        assertThat(privacyLink).isEqualTo("/intake/documents/PRIVACY/" + stored.get("privacy_version"));
        assertThat(intakeForms.documentsInEffect(Locale.ENGLISH))
                .extracting(IntakeDocument::kind, IntakeDocument::version)
                .contains(
                        Tuple.tuple("CONSENT", stored.get("consent_version")),
                        Tuple.tuple("PRIVACY", stored.get("privacy_version")));
    }

    @Test
    void aFormShownWithOtherVersionsIsRefusedWithALocalizedMessageAndNothingStored() throws Exception {
        String conditions = "stale-" + UUID.randomUUID();
        long before = placeholdersAndIntakes();

        Document page = Jsoup.parse(mvc.perform(form(fixture.at(day, "12:00") + "|" + therapist, conditions)
                        .with("documentVersions", "2026-11-25/2026-11-25")
                        .post()
                        .header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[role=alert]").text()).contains("lea de nuevo los textos");
        assertThat(page.select("input[name=consentToTreatment][checked]")).isEmpty();
        assertThat(page.select("input[name=documentVersions]").val())
                .isEqualTo(intakeForms.consentVersionsInEffect().shown());
        assertThat(placeholdersAndIntakes()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from patient_intake where conditions = :c")
                        .param("c", conditions)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * A form without the hidden versions field (or with it blank) cannot show which texts the patient read: it is
     * refused as if they had changed, with the same message in the page's language, and nothing is stored.
     */
    @ParameterizedTest
    @CsvSource({
        "en, missing, please read the texts below again",
        "es, missing, lea de nuevo los textos",
        "en, blank, please read the texts below again",
        "es, blank, lea de nuevo los textos"
    })
    void aFormWithoutTheVersionsItShowedIsRefusedAsIfTheyChangedAndNothingStored(
            String language, String field, String message) throws Exception {
        String conditions = "unshown-" + UUID.randomUUID();
        long before = placeholdersAndIntakes();
        OnlineBookingPost unshown = form(fixture.at(day, "13:00") + "|" + therapist, conditions);
        OnlineBookingPost form =
                field.equals("blank") ? unshown.with("documentVersions", " ") : unshown.without("documentVersions");

        Document page = Jsoup.parse(mvc.perform(form.post().header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[role=alert]").text()).contains(message);
        assertThat(page.select("input[name=consentToTreatment][checked]")).isEmpty();
        assertThat(page.select("input[name=documentVersions]").val())
                .isEqualTo(intakeForms.consentVersionsInEffect().shown());
        assertThat(placeholdersAndIntakes()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from patient_intake where conditions = :c")
                        .param("c", conditions)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long placeholdersAndIntakes() {
        return jdbc.sql(
                        "select (select count(*) from patient where unverified) + (select count(*) from patient_intake)")
                .query(Long.class)
                .single();
    }

    private OnlineBookingPost form(String slot, String conditions) {
        return visitor("consent-" + UUID.randomUUID() + "@example.com", "trigger-point:60", slot)
                .with("conditions", conditions);
    }
}
