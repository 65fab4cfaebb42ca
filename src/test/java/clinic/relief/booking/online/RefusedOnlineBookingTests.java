package clinic.relief.booking.online;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A refused online booking stores nothing; a placeholder left with no appointment goes after a day. */
@ReliefTest
class RefusedOnlineBookingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PlaceholderPurge purge;

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

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "|", "2026-12-17T19:00:00Z|not-a-uuid", "+999999999-12-31T00:00:00Z|", "x|y|z"})
    void aBookingRefusedForItsSlotStoresNoPlaceholderAndNoIntake(String slot) throws Exception {
        long before = placeholdersAndIntakes();

        mvc.perform(onlineForm(slot)).andExpect(status().isBadRequest());

        assertThat(placeholdersAndIntakes()).isEqualTo(before);
    }

    @Test
    void aBookingForAnUnknownTherapistStoresNothingEither() throws Exception {
        long before = placeholdersAndIntakes();

        mvc.perform(onlineForm(fixture.at(day, "11:00") + "|" + UUID.randomUUID()))
                .andExpect(status().isOk());

        assertThat(placeholdersAndIntakes()).isEqualTo(before);
    }

    @Test
    void purgeDeletesAPlaceholderWithoutAppointmentADayOldAndKeepsYoungerOrHoldingOnes() throws Exception {
        UUID old = placeholder();
        UUID young = placeholder();
        backdate(old, 25);
        backdate(young, 23);
        mvc.perform(onlineForm(fixture.at(day, "11:00") + "|" + therapist))
                .andExpect(redirectedUrl("/book/check-email"));
        UUID holding = jdbc.sql("select id from patient where unverified order by created_at desc limit 1")
                .query(UUID.class)
                .single();
        backdate(holding, 48);

        purge.purgeDue();

        assertThat(patients.find(old)).isEmpty();
        assertThat(jdbc.sql("select count(*) from patient_intake where patient_id = :p")
                        .param("p", old)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(patients.find(young)).isPresent();
        assertThat(patients.find(holding)).isPresent();
    }

    private UUID placeholder() {
        return patients.createUnverified(
                        new NewPatient("Orphan", "Visitor", "310 555 0199", null, null, "en"),
                        new Intake("migraines", "none", "latex", null, false, true, true))
                .id();
    }

    private void backdate(UUID patient, int hours) {
        jdbc.sql("update patient set created_at = :at where id = :p")
                .param("at", clock.instant().minusSeconds(hours * 3600L).atOffset(ZoneOffset.UTC))
                .param("p", patient)
                .update();
    }

    private long placeholdersAndIntakes() {
        return jdbc.sql(
                        "select (select count(*) from patient where unverified) + (select count(*) from patient_intake)")
                .query(Long.class)
                .single();
    }

    private MockHttpServletRequestBuilder onlineForm(String slot) {
        return visitor("refused-" + UUID.randomUUID() + "@example.com", "trigger-point:60", slot)
                .with("conditions", "sciatica")
                .post();
    }
}
