package clinic.relief.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.staff.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Intake forms by link: sending, carry-forward of the last answers, the signature's integrity, refusals (missing
 * answers, a form changed since shown, expired or tampered links) and who may read the signed form.
 */
@ReliefTest
class IntakeFormTests {

    private static final Pattern TOKEN = Pattern.compile("/intake\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    IntakeForms forms;

    @Autowired
    Patients patients;

    @Autowired
    Booking booking;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PatientMerges merges;

    @Autowired
    HealthHistories histories;

    BookingFixture fixture;
    UUID patient;
    String email;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        patient = fixture.patient();
        email = patients.get(patient).email();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDeskSendsALinkAndTheSignedFormIsStoredWithItsPdfAndACopyIsMailedWithNothingMedical() throws Exception {
        mvc.perform(post("/staff/patients/{id}/intake/send", patient)
                        .with(csrf())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(redirectedUrl("/staff/patients/" + patient));
        String token = lastToken();

        mvc.perform(signing(token, complete("no")).header("X-Forwarded-For", "ignored"))
                .andExpect(redirectedUrl("/intake/signed"));

        Map<String, Object> row = jdbc.sql("select signed_name, ip, sha256 from intake_signature where patient_id = :p")
                .param("p", patient)
                .query()
                .singleRow();
        assertThat(row.get("signed_name")).isEqualTo("Pat Tester");
        assertThat(row.get("ip")).isEqualTo("127.0.0.1");
        assertThat((String) row.get("sha256")).matches("[0-9a-f]{64}");
        Map<String, Object> copy = jdbc.sql("""
                select subject, body, attachment from booking_outbox where recipient = :e and kind = 'DOCUMENT'""").param("e", email).query().singleRow();
        assertThat(copy.get("subject") + " " + copy.get("body"))
                .doesNotContainIgnoringCase("latex")
                .doesNotContainIgnoringCase("ibuprofen")
                .doesNotContainIgnoringCase("pregnan");
        try (PDDocument pdf = Loader.loadPDF((byte[]) copy.get("attachment"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Pat Tester")
                    .contains((String) row.get("sha256"))
                    .contains("Latex");
        }
        // The link is spent.
        mvc.perform(get("/intake").param("token", token)).andExpect(status().isGone());
        // The patient's own date of birth and sex reach the record that claims are written from.
        assertThat(patients.get(patient).dateOfBirth()).isEqualTo(LocalDate.of(1980, 4, 23));
        assertThat(patients.get(patient).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void aSignedFormPutsAnIntakeOnFileSoTheDeskNoLongerSeesItMissing() {
        assertThat(histories.onFileSince(patient)).isEmpty();
        forms.send(patient, "desk@example.com", Optional.empty());
        SignedIntake signed = sign(lastToken(), complete("no"));
        assertThat(histories.onFileSince(patient)).contains(signed.signedAt());
    }

    /**
     * The chart tells a signed form from the health history given at booking: with both on file it names the signed
     * form (its "intake on file since" named the latest of either).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Signed intake form on file (signed | Health history given at booking",
                "es | Formulario de admisión firmado en el archivo (firmado el | Historia de salud dada al reservar"
            })
    void theChartSaysASignedIntakeFormIsOnFileRatherThanTheBookingsHealthHistory(
            String language, String signedLine, String historyLine) throws Exception {
        patients.recordIntake(patient, new Intake("migraines", "none", "peanuts", "", false, true, true), email);
        forms.send(patient, "desk@example.com", Optional.empty());
        sign(lastToken(), complete("no"));

        String chart = mvc.perform(get("/staff/patients/{id}", patient)
                        .param("lang", language)
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Elements state = Jsoup.parse(chart).select("#intake .intake-state");
        assertThat(state).hasSize(1);
        assertThat(state.text()).startsWith(signedLine).endsWith(").");
        assertThat(chart).doesNotContain(historyLine);
    }

    @Test
    void aReturningPatientFindsTheirLastAnswersFilledInAndConfirmsThem() throws Exception {
        forms.send(patient, "desk@example.com", Optional.empty());
        sign(lastToken(), complete("no"));

        forms.send(patient, "desk@example.com", Optional.empty());
        String second = lastToken();
        IntakeForm form = forms.open(second, Locale.ENGLISH);
        assertThat(form.returning()).isTrue();
        assertThat(form.answer("allergies")).isEqualTo("Latex");
        assertThat(form.answer("emergency_name")).isEqualTo("Ana Tester");
        assertThat(form.answer("blood_thinners")).isEqualTo("no");

        Map<String, String> reviewed = new LinkedHashMap<>(form.answers());
        reviewed.put("blood_thinners", "yes");
        forms.sign(
                second,
                new IntakeSubmission(reviewed, "Pat Tester", true, form.shownHash()),
                "10.0.0.9",
                Locale.ENGLISH);

        as("owner@example.com", "OWNER");
        SignedIntake latest = forms.read(patient).orElseThrow();
        assertThat(answer(latest, "allergies")).isEqualTo("Latex");
        assertThat(answer(latest, "blood_thinners")).isEqualTo("yes");
        assertThat(forms.alerts(patient)).extracting(a -> a.question().id()).contains("blood_thinners", "allergies");
    }

    @Test
    void theStoredHashIsRecomputedFromTheStoredRowsAndSignedRowsCannotBeChanged() throws Exception {
        forms.send(patient, "desk@example.com", Optional.empty());
        SignedIntake signed = sign(lastToken(), complete("no"));

        assertThat(forms.intact(signed.id())).isTrue();
        String recomputed = CanonicalIntake.sha256(CanonicalIntake.signed(
                "en",
                forms.open(freshToken(), Locale.ENGLISH).questions(),
                signed.documents(),
                IntakeFormStore.answersById(signed),
                "Pat Tester",
                signed.signedAt()));
        assertThat(recomputed).isEqualTo(signed.sha256());
        assertThatThrownBy(() -> jdbc.sql("""
                update intake_signed_answer set answer = 'no allergies' where signature_id = :s and question_id = 'allergies'""").param("s", signed.id()).update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void aSignatureOverAFormThatChangedSinceItWasShownIsRefusedAndNothingIsStored() {
        forms.send(patient, "desk@example.com", Optional.empty());
        String token = lastToken();
        IntakeForm shown = forms.open(token, Locale.ENGLISH);
        String question = "q" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into intake_question (id, position, section, kind, required, label_en, label_es)
                values (:id, 500, 'HEALTH', 'TEXT', false, 'Anything else?', '¿Algo más?')""").param("id", question).update();
        try {
            assertThatThrownBy(() -> forms.sign(
                            token,
                            new IntakeSubmission(complete("no"), "Pat Tester", true, shown.shownHash()),
                            "10.0.0.9",
                            Locale.ENGLISH))
                    .isInstanceOf(IntakeFormChanged.class);
            assertThat(signatures()).isZero();
            assertThat(forms.open(token, Locale.ENGLISH).questions())
                    .extracting(IntakeQuestion::id)
                    .contains(question);
        } finally {
            jdbc.sql("update intake_question set active = false where id = :id")
                    .param("id", question)
                    .update();
        }
    }

    @Test
    void requiredAnswersMissingGiveAClearMessageForEachAndStoreNothing() throws Exception {
        forms.send(patient, "desk@example.com", Optional.empty());
        String token = lastToken();
        Map<String, String> partial = complete("no");
        partial.remove("emergency_phone");
        partial.remove("pregnancy");
        partial.put("birth_date", "2099-01-01");

        String page = mvc.perform(signing(token, partial, Locale.forLanguageTag("es")))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Responda esta pregunta.").contains("Escriba una fecha pasada");
        assertThatThrownBy(() -> sign(token, partial))
                .isInstanceOfSatisfying(
                        IntakeIncomplete.class,
                        incomplete -> assertThat(incomplete.problems())
                                .containsEntry("emergency_phone", "intake.error.required")
                                .containsEntry("pregnancy", "intake.error.required")
                                .containsEntry("birth_date", "intake.error.date"));
        assertThat(signatures()).isZero();
        mvc.perform(get("/intake").param("token", token)).andExpect(status().isOk());
    }

    @Test
    void anExpiredTamperedOrReplacedLinkOpensNothing() throws Exception {
        forms.send(patient, "desk@example.com", Optional.empty());
        String first = lastToken();
        mvc.perform(get("/intake").param("token", first + "x")).andExpect(status().isNotFound());
        mvc.perform(signing(first + "x", complete("no"))).andExpect(status().isNotFound());

        forms.send(patient, "desk@example.com", Optional.empty());
        String second = lastToken();
        mvc.perform(get("/intake").param("token", first)).andExpect(status().isGone());

        jdbc.sql("update intake_link set expires_at = created_at - interval '1 second' where token_hash = :h")
                .param("h", VerificationToken.hash(second))
                .update();
        mvc.perform(get("/intake").param("token", second)).andExpect(status().isGone());
        mvc.perform(signing(second, complete("no"))).andExpect(status().isGone());
        assertThat(signatures()).isZero();
    }

    @ParameterizedTest(name = "{0} reading the signed form gets {1}, health answers shown: {2}")
    @CsvSource({"OWNER, 200, true", "FRONT_DESK, 200, false", "THERAPIST, 403, false"})
    void ownerAndDeskReadTheSignedFormAndOnlyTheOwnerAndTheTreatingTherapistSeeHealthAnswers(
            String role, int status, boolean health) throws Exception {
        forms.send(patient, "desk@example.com", Optional.empty());
        sign(lastToken(), complete("yes"));
        int before = audits();

        String page = mvc.perform(get("/staff/patients/{id}/intake", patient)
                        .param("lang", "en")
                        .with(user(role.toLowerCase(Locale.ROOT) + "@example.com")
                                .roles(role)))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page.contains("Latex")).isEqualTo(health);
        assertThat(page.contains("Ana Tester")).isEqualTo(status == 200);
        assertThat(audits() - before).isEqualTo(status == 200 ? 1 : 0);
    }

    @Test
    void theTreatingTherapistReadsEveryAnswerAndSeesTheAlertsOnTheAppointmentPanel() throws Exception {
        fixture.onlyRooms("Room " + UUID.randomUUID());
        String treating = "treating-" + UUID.randomUUID() + "@example.com";
        UUID therapist = fixture.therapistEmail(treating);
        UUID appointment = booking.book(new BookAppointment(
                        patient,
                        "trigger-point",
                        60,
                        fixture.at(fixture.day(), "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
        forms.send(patient, "desk@example.com", Optional.of(appointment));
        sign(lastToken(), complete("yes"));

        String panel = mvc.perform(get("/staff/schedule/appointments/{id}", appointment)
                        .param("lang", "en")
                        .with(user(treating).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(panel).contains("Do you take blood thinners?").contains("An implanted device");
        String desk = mvc.perform(get("/staff/schedule/appointments/{id}", appointment)
                        .param("lang", "en")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(desk)
                .doesNotContain("Do you take blood thinners?")
                .contains("Signed intake form on file", "Send the intake form again");
        // The older appointment page says the same, not "on file since" the latest of the form and the booking's
        // answers.
        mvc.perform(get("/staff/booking/{id}", appointment)
                        .param("lang", "en")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Signed intake form on file (signed ")))
                .andExpect(content().string(not(containsString("Health history given at booking"))));
        assertThat(jdbc.sql("select count(*) from clinical_audit where patient_id = :p and actor = :a"
                                + " and record_kind = 'intake-form'")
                        .param("p", patient)
                        .param("a", treating)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTherapistCannotSendTheFormAndAFirstBookingSendsItOnceUntilSigned() throws Exception {
        mvc.perform(post("/staff/patients/{id}/intake/send", patient)
                        .with(csrf())
                        .with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        UUID appointment = UUID.randomUUID();
        assertThat(forms.sendBeforeFirstVisit(patient, appointment)).isTrue();
        assertThat(forms.sendBeforeFirstVisit(patient, appointment)).isFalse();
        sign(lastToken(), complete("no"));
        assertThat(forms.sendBeforeFirstVisit(patient, UUID.randomUUID())).isFalse();
        assertThat(jdbc.sql("select count(*) from booking_outbox where recipient = :e and kind = 'INTAKE_LINK'")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aMergeMovesTheDuplicatesSignedFormToTheKeptRecordUnchanged() {
        forms.send(patient, "desk@example.com", Optional.empty());
        SignedIntake signed = sign(lastToken(), complete("no"));
        UUID kept = fixture.patient();
        as("owner@example.com", "OWNER");

        merges.merge(patient, kept);

        SignedIntake moved = forms.read(kept).orElseThrow();
        assertThat(moved.id()).isEqualTo(signed.id());
        assertThat(forms.intact(moved.id())).isTrue();
    }

    private SignedIntake sign(String token, Map<String, String> answers) {
        IntakeForm form = forms.open(token, Locale.ENGLISH);
        return forms.sign(
                token, new IntakeSubmission(answers, "Pat Tester", true, form.shownHash()), "10.0.0.9", Locale.ENGLISH);
    }

    private MockHttpServletRequestBuilder signing(String token, Map<String, String> answers) {
        return signing(token, answers, Locale.ENGLISH);
    }

    /** The form as the patient would send it, having been shown it in {@code language}. */
    private MockHttpServletRequestBuilder signing(String token, Map<String, String> answers, Locale language) {
        String shown = forms.open(freshToken(), language).shownHash();
        MockHttpServletRequestBuilder request = post("/intake")
                .param("lang", language.getLanguage())
                .with(csrf())
                .param("token", token)
                .param("shown", shown)
                .param("signedName", "Pat Tester")
                .param("agrees", "true");
        answers.forEach((id, answer) -> request.param("a." + id, answer));
        return request;
    }

    /** A link of another patient, to read the current form's questions without touching this patient's links. */
    private String freshToken() {
        UUID other = fixture.patient();
        forms.send(other, "desk@example.com", Optional.empty());
        return token(patients.get(other).email());
    }

    private static Map<String, String> complete(String contraindications) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("phone", "(213) 555-0142");
        answers.put("email", "pat@example.com");
        answers.put("address_street", "100 Main St");
        answers.put("address_city", "Los Angeles");
        answers.put("address_state", "CA");
        answers.put("address_zip", "90012");
        answers.put("birth_date", "1980-04-23");
        answers.put("sex", "F");
        answers.put("emergency_name", "Ana Tester");
        answers.put("emergency_phone", "213-555-0100");
        answers.put("medications", "Ibuprofen");
        answers.put("allergies", "Latex");
        for (String id : List.of(
                "pregnancy",
                "blood_thinners",
                "recent_surgery",
                "blood_clots",
                "skin_conditions",
                "implanted_devices")) {
            answers.put(id, contraindications);
        }
        return answers;
    }

    private String lastToken() {
        return token(email);
    }

    private String token(String recipient) {
        String body = jdbc.sql("""
                select body from booking_outbox where recipient = :e and kind = 'INTAKE_LINK'
                order by created_at desc limit 1""").param("e", recipient).query(String.class).single();
        Matcher matcher = TOKEN.matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String answer(SignedIntake signed, String id) {
        return signed.answers().stream()
                .filter(a -> a.question().id().equals(id))
                .findFirst()
                .orElseThrow()
                .answer();
    }

    private int signatures() {
        return jdbc.sql("select count(*) from intake_signature where patient_id = :p")
                .param("p", patient)
                .query(Integer.class)
                .single();
    }

    private int audits() {
        return jdbc.sql("select count(*) from clinical_audit where patient_id = :p and record_kind = 'intake-form'")
                .param("p", patient)
                .query(Integer.class)
                .single();
    }

    private static void as(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(name, "x", "ROLE_" + role));
    }
}
