package clinic.relief.booking;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Intake;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may read a patient's health history, and that every permitted read, and only those, leaves an audit row. */
@ReliefTest
class HealthHistoryAccessTests {

    static final String CONDITIONS = "Herniated disc L4-L5";

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    UUID patient;
    UUID appointment;
    String treating;
    String other;

    @BeforeEach
    void setUp() {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        treating = "treating-" + UUID.randomUUID() + "@example.com";
        other = "other-" + UUID.randomUUID() + "@example.com";
        UUID therapist = fixture.therapistEmail(treating);
        fixture.therapistEmail(other);
        patient = fixture.patient();
        patients.recordIntake(
                patient, new Intake(CONDITIONS, "Ibuprofen", "Latex", null, false, true, true), "patient@example.com");
        appointment = booking.book(new BookAppointment(
                        patient,
                        "trigger-point",
                        60,
                        fixture.at(fixture.day(), "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }

    @ParameterizedTest(name = "{0} reading the health history gets {1} and leaves {2} audit rows")
    @CsvSource({"owner, 200, 1", "treating, 200, 1", "other, 403, 0", "desk, 403, 0", "anonymous, 302, 0"})
    void healthHistoryIsForTheOwnerAndThePatientsTherapistOnly(String who, int status, int auditRows) throws Exception {
        mvc.perform(as(who, get("/staff/booking/{id}/intake", appointment)))
                .andExpect(status().is(status))
                .andExpect(
                        status == 200
                                ? content().string(containsString(CONDITIONS))
                                : content().string(not(containsString(CONDITIONS))));

        assertThat(auditRows()).isEqualTo(auditRows);
    }

    @Test
    void eachReadLeavesItsOwnRowNamingTheReader() throws Exception {
        mvc.perform(as("treating", get("/staff/booking/{id}/intake", appointment)))
                .andExpect(status().isOk());
        mvc.perform(as("treating", get("/staff/booking/{id}/intake", appointment)))
                .andExpect(status().isOk());

        assertThat(auditRows()).isEqualTo(2);
        assertThat(jdbc.sql("select distinct actor || ' ' || actor_role || ' ' || action || ' ' || record_kind"
                                + " from clinical_audit where patient_id = :p")
                        .param("p", patient)
                        .query(String.class)
                        .list())
                .containsExactly(treating + " THERAPIST READ intake");
    }

    @Test
    void frontDeskSeesContactDetailsAndThatTheBookingsHealthHistoryExistsButNoHealthFields() throws Exception {
        mvc.perform(as("desk", get("/staff/booking/{id}", appointment)))
                .andExpect(status().isOk())
                // The booking's answers are on file, but no signed intake form: the page says which.
                .andExpect(content().string(containsString("Health history given at booking (")))
                .andExpect(content().string(containsString("the intake form is not signed yet")))
                .andExpect(content().string(not(containsString("Signed intake form on file"))))
                .andExpect(content().string(containsString(patients.get(patient).email())))
                .andExpect(content().string(not(containsString(CONDITIONS))))
                .andExpect(content().string(not(containsString("/intake\""))));
        assertThat(auditRows()).isZero();
    }

    @Test
    void theTreatingTherapistGetsALinkToTheHealthHistoryAndAnotherTherapistNotEvenTheAppointment() throws Exception {
        mvc.perform(as("treating", get("/staff/booking/{id}", appointment)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/booking/" + appointment + "/intake")));
        mvc.perform(as("other", get("/staff/booking/{id}", appointment))).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheOwnerSeesTheAuditTrail() throws Exception {
        mvc.perform(as("treating", get("/staff/booking/{id}/intake", appointment)))
                .andExpect(status().isOk());

        mvc.perform(as("owner", get("/staff/audit/patients/{p}", patient)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(treating)))
                .andExpect(content().string(containsString("Intake and health history")))
                // Each value carries its column's name, which a phone shows beside it (one card per entry).
                .andExpect(content().string(containsString("data-label=\"Who\">" + treating + "<")));
        mvc.perform(as("desk", get("/staff/audit/patients/{p}", patient))).andExpect(status().isForbidden());
        mvc.perform(as("treating", get("/staff/audit/patients/{p}", patient))).andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return switch (who) {
            case "owner" -> request.with(user("owner@example.com").roles("OWNER"));
            case "treating" -> request.with(user(treating).roles("THERAPIST"));
            case "other" -> request.with(user(other).roles("THERAPIST"));
            case "desk" -> request.with(user("desk@example.com").roles("FRONT_DESK"));
            default -> request;
        };
    }

    private int auditRows() {
        return jdbc.sql("select count(*) from clinical_audit where patient_id = :p")
                .param("p", patient)
                .query(Integer.class)
                .single();
    }
}
