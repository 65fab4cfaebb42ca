package clinic.relief.portal;

import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.patients.Patients;
import clinic.relief.patients.VerificationToken;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My progress" in the portal: the signed-in patient's own charts, each read audited; a request naming another
 * patient is a 404 that reads, shows and audits nothing of theirs.
 */
@ReliefTest
class PortalProgressTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook appointments;

    @Autowired
    Patients patients;

    @Autowired
    ApplicationContext context;

    BookingTestData data;
    UUID therapist;
    String email;
    Cookie session;
    UUID me;
    UUID other;

    @BeforeEach
    void setUp() throws Exception {
        data = new BookingTestData(context);
        therapist = data.therapistWithOwnRoom("00:00", "23:45");
        email = "progress-" + UUID.randomUUID() + "@example.com";
        session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);
        me = patients.findByEmail(email).orElseThrow().id();
        String otherEmail = "other-" + UUID.randomUUID() + "@example.com";
        PortalFixture.account(mvc, jdbc, otherEmail, PatientAccountTests.PASSWORD);
        other = patients.findByEmail(otherEmail).orElseThrow().id();
        visitWithPain(me, "10:00", 7, 3);
        visitWithPain(other, "12:00", 9, 8);
    }

    @Test
    void aPatientSeesTheirOwnPainChartAndTheReadIsAudited() throws Exception {
        mvc.perform(get("/account").cookie(session))
                .andExpect(content().string(containsString("href=\"/account/progress\"")));
        mvc.perform(get("/account/progress").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg class=\"chart\"")))
                .andExpect(content().string(containsString("class=\"mcid\"")))
                .andExpect(content().string(containsString("<td>7</td>")))
                .andExpect(content().string(containsString("<td>3</td>")))
                .andExpect(content().string(not(containsString("<td>9</td>"))));
        assertThat(progressReads(me, email)).isEqualTo(1);
        mvc.perform(get("/account/progress").param("lang", "es").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mi progreso")));
        assertThat(progressReads(me, email)).isEqualTo(2);
    }

    @Test
    void anotherPatientsIdInAnyParameterIsANotFoundThatReadsNothing() throws Exception {
        for (String name : new String[] {"patient", "patientId", "id", "client"}) {
            mvc.perform(get("/account/progress").param(name, other.toString()).cookie(session))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("<td>9</td>"))))
                    .andExpect(content().string(not(containsString("<td>7</td>"))));
        }
        mvc.perform(get("/account/progress/" + other).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/account/progress/" + me).cookie(session)).andExpect(redirectedUrl("/account/progress"));
        mvc.perform(get("/account/progress").param("patient", me.toString()).cookie(session))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from clinical_audit where patient_id = :p and record_kind = 'progress'")
                        .param("p", other)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(progressReads(me, email)).isEqualTo(1);
    }

    @Test
    void nobodySignedInIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/account/progress"))
                .andExpect(status().is3xxRedirection())
                .andExpect(content().string(not(containsString("<svg"))));
    }

    /** A completed visit through booking's API (which drafts the outcomes visit), then pain on the client's link. */
    private void visitWithPain(UUID patient, String time, int before, int after) throws Exception {
        UUID id = booking.book(new BookAppointment(
                        patient,
                        "swedish",
                        60,
                        data.at(data.day(), time),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
        // A visit is completed only once it has begun.
        data.moveBack(id, 4);
        appointments.checkIn(id);
        appointments.complete(id);
        // Only the link's hash is kept: issue one for the test, as the note page does.
        VerificationToken link = VerificationToken.random();
        jdbc.sql("update outcomes_visit set link_token_hash = :hash where appointment_id = :a")
                .param("hash", link.hash())
                .param("a", id)
                .update();
        String token = link.value();
        mvc.perform(post("/outcomes/v/" + token + "/pain")
                        .with(csrf())
                        .param("before", String.valueOf(before))
                        .param("after", String.valueOf(after)))
                .andExpect(status().is3xxRedirection());
    }

    private int progressReads(UUID patient, String actor) {
        return jdbc.sql("""
                select count(*) from clinical_audit where patient_id = :p and record_kind = 'progress'
                    and action = 'READ' and actor = :actor and actor_role = 'PATIENT'""")
                .param("p", patient)
                .param("actor", actor)
                .query(Integer.class)
                .single();
    }
}
