package clinic.relief.workspace.chart;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Memberships;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
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
 * The patient chart: sections by role, contact edits by the desk with their validation, and the owner's merge of a
 * duplicate (everything moves in one go, the trail records it, the duplicate's chart redirects).
 */
@ReliefTest
class ChartPagesTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");
    private static final RequestPostProcessor OWNER = user("owner@example.com").roles("OWNER");
    private static final RequestPostProcessor THERAPIST = user("t@example.com").roles("THERAPIST");

    @Autowired
    MockMvc mvc;

    @Autowired
    Patients patients;

    @Autowired
    Memberships memberships;

    @Autowired
    Invoices invoices;

    @Autowired
    AppointmentBook appointments;

    @Autowired
    Waitlist waitlist;

    @Autowired
    ClinicalAudit audit;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Booking booking;

    @Autowired
    ScheduleAdmin admin;

    String tag;
    UUID patient;

    @BeforeEach
    void patientWithIntake() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        patient = newPatient("Carla", "Chart" + tag);
        patients.recordIntake(
                patient, new Intake("migraines", "none", "peanuts", "", false, true, true), "carla@example.com");
    }

    @Test
    void theDeskSeesMoneyInsuranceAndContactButNeitherHealthHistoryNorNotes() throws Exception {
        mvc.perform(get("/staff/patients/{id}", patient).with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chart" + tag)))
                .andExpect(content().string(containsString("id=\"h-billing\"")))
                .andExpect(content().string(containsString("id=\"h-insurance\"")))
                .andExpect(content().string(containsString("id=\"h-contact\"")))
                .andExpect(content().string(not(containsString("peanuts"))))
                .andExpect(content().string(not(containsString("id=\"h-notes\""))))
                .andExpect(content().string(not(containsString("id=\"h-merge\""))));
    }

    /**
     * Only the health history given at booking is on file, no signed intake form: the chart says which, not "intake
     * on file" (a signed form is IntakeFormTests' case).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Health history given at booking ( | ); the intake form is not signed yet.",
                "es | Historia de salud dada al reservar ( | ); el formulario de admisión aún no está firmado."
            })
    void theChartSaysOnlyTheBookingsHealthHistoryIsOnFile(String language, String given, String notSigned)
            throws Exception {
        String state = intakeState(get("/staff/patients/{id}", patient).with(DESK), language);

        assertThat(state).startsWith(given).endsWith(notSigned);
        assertThat(state.substring(given.length(), state.length() - notSigned.length()))
                .as("the date the history was given")
                .matches(".*\\d.*");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Missing: no signed intake form and no health history yet.",
                "es | Falta: no hay formulario de admisión firmado ni historia de salud."
            })
    void theChartSaysNeitherASignedFormNorAHealthHistoryIsOnFile(String language, String missing) throws Exception {
        UUID none = newPatient("Nora", "Nointake" + tag);

        assertThat(intakeState(get("/staff/patients/{id}", none).with(DESK), language))
                .isEqualTo(missing);
    }

    /** The intake section's one line saying what is on file. */
    private String intakeState(MockHttpServletRequestBuilder chart, String language) throws Exception {
        Elements state = Jsoup.parse(mvc.perform(chart.param("lang", language))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .select("#intake .intake-state");
        assertThat(state).hasSize(1);
        return state.text();
    }

    /**
     * A reminder is written when it leaves: until then the chart's messages and the outbox say so, in the staff
     * member's language, where a subject and a body would be.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Reminder, written when it leaves | Written when it leaves, with the details of that day",
                "es | Recordatorio, se escribe al enviarse | Se escribe al enviarse, con los datos de ese día"
            })
    void aReminderNotWrittenYetSaysSoInTheChartAndTheOutbox(String language, String inChart, String inOutbox)
            throws Exception {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + tag);
        booking.book(new BookAppointment(
                patient,
                "swedish",
                60,
                fixture.at(fixture.day(), "10:00"),
                Optional.of(fixture.therapist("09:00", "17:00")),
                Appointment.Source.FRONT_DESK,
                null,
                null));

        mvc.perform(get("/staff/patients/{id}", patient).param("lang", language).with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(inChart)));
        mvc.perform(get("/admin/outbox").param("lang", language).with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(inOutbox)));
    }

    @Test
    void theOwnerSeesAllergiesAsAnAlertAndTheReadIsAudited() throws Exception {
        mvc.perform(get("/staff/patients/{id}", patient).with(OWNER).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alergias: peanuts")))
                .andExpect(content().string(containsString("id=\"h-merge\"")));
        assertThat(audit.trailOfPatient(patient, 5))
                .anyMatch(e -> e.action() == AuditAction.READ && e.recordKind().equals("intake"));
    }

    @Test
    void aTherapistWhoDoesNotTreatThePatientSeesNeitherHealthNorMoney() throws Exception {
        mvc.perform(get("/staff/patients/{id}", patient).with(THERAPIST))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("peanuts"))))
                .andExpect(content().string(not(containsString("id=\"h-billing\""))))
                .andExpect(content().string(not(containsString("id=\"h-insurance\""))))
                .andExpect(content().string(not(containsString("id=\"h-contact\""))));
        mvc.perform(get("/staff/patients/{id}", UUID.randomUUID()).with(DESK)).andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "{0}={1} is refused with \"{2}\"")
    @CsvSource({
        "firstName, '', Please enter a first name.",
        "email, not-an-address, Please enter an email address like",
        "phone, call me, Please enter a phone number.",
        "dateOfBirth, 2100-01-01, The date of birth must be in the past.",
        "language, fr, Please choose English or Spanish."
    })
    void contactEditsAreValidatedAndABadOneChangesNothing(String field, String value, String message) throws Exception {
        mvc.perform(contact(field, value).with(DESK))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(message)));
        assertThat(patients.get(patient).firstName()).isEqualTo("Carla");
    }

    @Test
    void theDeskSavesContactDetailsButNotAnotherPatientsEmailAndATherapistSavesNothing() throws Exception {
        newPatient("Taken", "Mail" + tag);
        mvc.perform(contact("email", "taken.mail" + tag + "@example.com").with(DESK))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Another patient already has this e-mail address.")));
        mvc.perform(contact("firstName", "Carlota").with(THERAPIST)).andExpect(status().isForbidden());

        mvc.perform(contact("firstName", "Carlota", "language", "es").with(DESK))
                .andExpect(status().is3xxRedirection());
        Patient saved = patients.get(patient);
        assertThat(saved.firstName()).isEqualTo("Carlota");
        assertThat(saved.language()).isEqualTo("es");
        assertThat(saved.dateOfBirth()).isEqualTo(LocalDate.of(1980, 5, 17));
        mvc.perform(contact("phone", "", "email", "").with(DESK))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Please give a phone number or an email address.")));
    }

    @Test
    void theOwnerMergesADuplicateAndEverythingMovesInOneGo() throws Exception {
        UUID duplicate = newPatient("Carla", "Dup" + tag);
        UUID appointment = appointmentAhead(duplicate);
        memberships.enrol(duplicate, "relief-monthly");
        waitlist.join(
                duplicate,
                new WaitlistRequest(
                        "trigger-point",
                        60,
                        LocalDate.of(2026, 12, 20),
                        LocalDate.of(2026, 12, 30),
                        PartOfDay.ANY,
                        Optional.empty()));

        mvc.perform(get("/staff/patients/{id}/merge", patient)
                        .param("q", "dup" + tag)
                        .with(OWNER))
                .andExpect(content().string(containsString("duplicate=" + duplicate)));
        mvc.perform(get("/staff/patients/{id}/merge", patient)
                        .param("duplicate", duplicate.toString())
                        .with(OWNER))
                .andExpect(content().string(containsString("Confirm the merge")));
        mvc.perform(post("/staff/patients/{id}/merge", patient)
                        .param("duplicate", duplicate.toString())
                        .with(OWNER)
                        .with(csrf()))
                .andExpect(redirectedUrl("/staff/patients/" + patient));

        assertThat(appointments.ofPatient(patient)).extracting(a -> a.id()).contains(appointment);
        assertThat(appointments.ofPatient(duplicate)).isEmpty();
        assertThat(invoices.ofPatient(patient)).isNotEmpty();
        assertThat(invoices.ofPatient(duplicate)).isEmpty();
        assertThat(memberships.ofPatient(patient)).hasSize(1);
        assertThat(waitlist.of(patient)).hasSize(1);
        assertThat(audit.trailOfPatient(patient, 5))
                .anyMatch(e -> e.action() == AuditAction.MERGE && e.recordId().equals(duplicate.toString()));
        assertThat(patients.find(duplicate)).isPresent();
        mvc.perform(get("/staff/patients/{id}", duplicate).with(DESK))
                .andExpect(redirectedUrl("/staff/patients/" + patient + "?merged"));
        mvc.perform(get("/staff/patients/search.json").param("q", "dup" + tag).with(DESK))
                .andExpect(content().json("[]"));
        mvc.perform(post("/staff/patients/{id}/merge", newPatient("Other", "Keep" + tag))
                        .param("duplicate", duplicate.toString())
                        .with(OWNER)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already merged")));
    }

    @Test
    void onlyTheOwnerMergesAndNeverAPatientIntoItself() throws Exception {
        UUID duplicate = newPatient("Carla", "Dup" + tag);
        mvc.perform(post("/staff/patients/{id}/merge", patient)
                        .param("duplicate", duplicate.toString())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/patients/{id}/merge", patient).with(DESK)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/patients/{id}/merge", patient)
                        .param("duplicate", patient.toString())
                        .with(OWNER)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("cannot be merged into itself")));
        assertThat(patients.find(duplicate).map(Patient::id)).contains(duplicate);
        mvc.perform(get("/staff/patients/{id}", duplicate).with(DESK)).andExpect(status().isOk());
    }

    /** The contact form with every field filled, and {@code changes} (name, value, name, value...) instead. */
    private MockHttpServletRequestBuilder contact(String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("firstName", "Carla");
        fields.put("lastName", "Chart" + tag);
        fields.put("phone", "(310) 555-0142");
        fields.put("email", "carla.chart" + tag + "@example.com");
        fields.put("dateOfBirth", "1980-05-17");
        fields.put("language", "en");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/staff/patients/{id}/contact", patient).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private UUID newPatient(String first, String last) {
        return patients.findOrCreate(new NewPatient(
                        first,
                        last,
                        "(310) 555-0142",
                        first.toLowerCase() + "." + last.toLowerCase() + "@example.com",
                        LocalDate.of(1980, 5, 17),
                        "en"))
                .id();
    }

    private UUID appointmentAhead(UUID who) {
        UUID therapist = staff.createOrUpdate(new NewStaffMember(
                        "t-" + tag + "@example.com",
                        "T " + tag,
                        StaffRole.THERAPIST,
                        "long enough password",
                        "CMT",
                        "1",
                        null,
                        null,
                        false))
                .id();
        Instant start = clock.instant().plus(Duration.ofDays(4));
        UUID id = UUID.randomUUID();
        // The row booking would have written; test data only.
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, 'BOOKED', 'FRONT_DESK', :start)""")
                .param("id", id)
                .param("p", who)
                .param("t", therapist)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(Duration.ofHours(1))))
                .update();
        return id;
    }
}
