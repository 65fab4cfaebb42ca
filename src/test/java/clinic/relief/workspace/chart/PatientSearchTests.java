package clinic.relief.workspace.chart;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.Memberships;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff patient list and the header search: name fragments in any order and without accents, phone fragments,
 * e-mail, date of birth; filters; the JSON contract the header script reads; who may search.
 */
@ReliefTest
class PatientSearchTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");
    private static final RequestPostProcessor THERAPIST = user("t@example.com").roles("THERAPIST");

    @Autowired
    MockMvc mvc;

    @Autowired
    Patients patients;

    @Autowired
    Memberships memberships;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Staff staff;

    @Autowired
    JsonMapper json;

    String tag;
    UUID jose;
    LocalDate born;

    @BeforeEach
    void patients() {
        tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "q");
        born = LocalDate.of(1940, 1, 1).plusDays(Math.abs(tag.hashCode()) % 20_000);
        jose = patients.findOrCreate(new NewPatient(
                        "José", "Peñalosa" + tag, "(310) 555-7" + digits(), "jose." + tag + "@example.com", born, "es"))
                .id();
        patients.findOrCreate(new NewPatient("Ana", "Other" + tag, "(213) 555-0100", null, null, "en"));
    }

    @ParameterizedTest(name = "\"{0}\" finds José")
    @CsvSource({
        "jose penalosa#",
        "JOSÉ PEÑALOSA#",
        "penalosa# jose",
        "penalosa# EXAMPLE.COM",
        "jose.#@example",
        "ISO",
        "US"
    })
    void findsByNameInAnyOrderWithoutAccentsByEmailAndByDateOfBirth(String typed) throws Exception {
        String query = switch (typed) {
            case "ISO" -> born.toString();
            case "US" -> born.getMonthValue() + "/" + born.getDayOfMonth() + "/" + born.getYear();
            default -> typed.replace("#", tag);
        };
        List<Map<String, Object>> hits = search(query);
        assertThat(hits).extracting(h -> h.get("id")).contains(jose.toString());
    }

    @Test
    void findsByAFragmentOfThePhoneNumberWhateverItsPunctuation() throws Exception {
        String last4 = "7" + digits();
        assertThat(search("555-" + last4)).extracting(h -> h.get("id")).contains(jose.toString());
        assertThat(search(last4.substring(1))).extracting(h -> h.get("id")).contains(jose.toString());
    }

    @Test
    void theHeaderSearchAnswersTheAgreedContractWithAtMostEightPatients() throws Exception {
        for (int i = 0; i < 10; i++) {
            patients.findOrCreate(
                    new NewPatient("Many", "Crowd" + tag, null, "crowd" + i + tag + "@example.com", null, "en"));
        }
        assertThat(search("crowd" + tag)).hasSize(8);

        Map<String, Object> hit = search("peñalosa" + tag).get(0);
        assertThat(hit.keySet()).containsExactlyInAnyOrder("id", "name", "phone", "email", "dateOfBirth", "url");
        assertThat(hit)
                .containsEntry("name", "José Peñalosa" + tag)
                .containsEntry("email", "jose." + tag + "@example.com")
                .containsEntry("dateOfBirth", born.toString())
                .containsEntry("url", "/staff/patients/" + jose);
        assertThat(search("j")).isEmpty();
    }

    @Test
    void everyStaffRoleMaySearchButNobodyElse() throws Exception {
        mvc.perform(get("/staff/patients/search.json").param("q", "jose " + tag).with(THERAPIST))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/patients").param("q", "jose " + tag).with(THERAPIST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Peñalosa" + tag)));
        mvc.perform(get("/staff/patients/search.json").param("q", "jose"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/staff/login")));
        mvc.perform(get("/staff/patients/search.json")
                        .param("q", "jose")
                        .with(user("p@example.com").roles("PATIENT")))
                .andExpect(status().isForbidden());
    }

    /** Found by the hostile-input walk on a demo instance: a far date was sent to the database, which refused it. */
    @ParameterizedTest
    @CsvSource({"+999999999-01-01", "-999999999-12-31", "+10000-01-01", "0000-01-01", "12/31/99999", "31/12/99999"})
    void aDateNoOneWasBornOnFindsNobodyAndIsNoError(String typed) throws Exception {
        for (String lang : List.of("en", "es")) {
            mvc.perform(get("/staff/patients")
                            .param("q", typed)
                            .param("lang", lang)
                            .with(DESK))
                    .andExpect(status().isOk());
            mvc.perform(get("/staff/patients/search.json")
                            .param("q", typed)
                            .param("lang", lang)
                            .with(DESK))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(tag))));
        }
    }

    @Test
    void filtersByUpcomingAppointmentBalanceAndMembershipAndPages() throws Exception {
        UUID member = patients.findOrCreate(
                        new NewPatient("Mia", "Member" + tag, null, "mia" + tag + "@example.com", null, "en"))
                .id();
        memberships.enrol(member, "relief-monthly");
        UUID booked = patients.findOrCreate(
                        new NewPatient("Bo", "Booked" + tag, null, "bo" + tag + "@example.com", null, "en"))
                .id();
        appointmentAhead(booked);

        mvc.perform(get("/staff/patients")
                        .param("q", tag)
                        .param("member", "true")
                        .with(DESK))
                .andExpect(content().string(containsString("Member" + tag)))
                .andExpect(content().string(not(containsString("Booked" + tag))));
        mvc.perform(get("/staff/patients")
                        .param("q", tag)
                        .param("owing", "true")
                        .with(DESK))
                .andExpect(content().string(containsString("Member" + tag)))
                .andExpect(content().string(not(containsString("Other" + tag))));
        mvc.perform(get("/staff/patients")
                        .param("q", tag)
                        .param("upcoming", "true")
                        .with(DESK))
                .andExpect(content().string(containsString("Booked" + tag)))
                .andExpect(content().string(not(containsString("Member" + tag))));
        mvc.perform(get("/staff/patients").param("page", "-3").with(DESK)).andExpect(status().isOk());
        mvc.perform(get("/staff/patients").param("lang", "es").with(DESK))
                .andExpect(content().string(containsString("Buscar pacientes")));
    }

    private void appointmentAhead(UUID patient) {
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
        Instant start = clock.instant().plus(Duration.ofDays(5));
        // The row booking would have written; test data only.
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, 'BOOKED', 'FRONT_DESK', :start)""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("t", therapist)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(Duration.ofHours(1))))
                .update();
    }

    private List<Map<String, Object>> search(String q) throws Exception {
        String body = mvc.perform(
                        get("/staff/patients/search.json").param("q", q).with(DESK))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readValue(body, new TypeReference<>() {});
    }

    private String digits() {
        return String.valueOf(Math.abs(tag.hashCode()) % 1000 + 1000).substring(1);
    }
}
