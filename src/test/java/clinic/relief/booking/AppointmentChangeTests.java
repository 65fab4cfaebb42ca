package clinic.relief.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Completing only from the start, undoing a check-in, and a change from a stale view refused with nothing changed. */
@ReliefTest
class AppointmentChangeTests {

    private static final String DESK = "desk@example.com";

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

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
    void refusesToCompleteAVisitBeforeItsStartOnEveryPath() throws Exception {
        UUID id = bookAt("10:00");
        book.checkIn(id);

        assertThatThrownBy(() -> book.complete(id)).isInstanceOf(AppointmentNotStarted.class);
        mvc.perform(post("/staff/booking/" + id + "/complete")
                        .param("back", "appointment")
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(redirectedUrl("/staff/booking/" + id))
                .andExpect(flash().attribute("problem", "booking.day.notStarted"));
        mvc.perform(post("/api/booking/appointments/" + id + "/complete")
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:relief:booking:notStarted"))
                .andExpect(jsonPath("$.title").value(containsString("has not started yet")));

        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(jdbc.sql("select count(*) from outcomes_visit where appointment_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();

        BookingTestData.moveBack(jdbc, id, 4);
        book.complete(id);
        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.COMPLETED);
    }

    @Test
    void theDeskUndoesACheckInFromTheAppointmentPageAndItIsBookedAgain() throws Exception {
        UUID id = bookAt("11:00");
        book.checkIn(id);
        int version = book.get(id).version();

        mvc.perform(get("/staff/booking/" + id).with(user(DESK).roles("FRONT_DESK")))
                .andExpect(content().string(containsString("/staff/booking/" + id + "/undo-check-in")))
                .andExpect(content().string(containsString("Undo check-in")));
        mvc.perform(post("/staff/booking/" + id + "/undo-check-in")
                        .param("back", "appointment")
                        .param("version", String.valueOf(version))
                        .with(csrf())
                        .with(user("therapist@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/booking/" + id + "/undo-check-in")
                        .param("back", "appointment")
                        .param("version", String.valueOf(version))
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(redirectedUrl("/staff/booking/" + id))
                .andExpect(flash().attribute("notice", "booking.day.changed.undo-check-in"));

        AppointmentView undone = book.get(id);
        assertThat(undone.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(undone.version()).isEqualTo(version + 1);
        // Booked again, it can be cancelled as any booking can; a second undo is refused.
        assertThatThrownBy(() -> book.undoCheckIn(id)).isInstanceOf(AppointmentStateConflict.class);
        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void theScheduleGridUndoesACheckInThroughTheApi() throws Exception {
        UUID id = bookAt("12:00");
        mvc.perform(post("/api/booking/appointments/" + id + "/check-in")
                        .with(csrf())
                        .with(user(DESK).roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHECKED_IN"))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(post("/api/booking/appointments/" + id + "/undo-check-in")
                        .param("version", "1")
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("BOOKED"))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(post("/api/booking/appointments/" + id + "/undo-check-in")
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:relief:booking:wrongState"))
                .andExpect(jsonPath("$.currentStatus").value("BOOKED"));
    }

    @Test
    void aChangeAskedForOnAStaleVersionIsRefusedAndChangesNothing() throws Exception {
        UUID id = bookAt("13:00");
        int seen = book.get(id).version();
        book.reschedule(id, fixture.at(day, "14:00"), therapist);

        mvc.perform(post("/api/booking/appointments/" + id + "/cancel")
                        .param("version", String.valueOf(seen))
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:relief:booking:changedMeanwhile"))
                .andExpect(jsonPath("$.currentStatus").value("BOOKED"));
        mvc.perform(post("/staff/booking/" + id + "/cancel")
                        .param("version", String.valueOf(seen))
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(flash().attribute("problem", "booking.day.changedMeanwhile"));
        mvc.perform(post("/staff/booking/" + id + "/cancel")
                        .param("version", "not a number")
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(status().isBadRequest());

        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(jdbc.sql("select count(*) from booking_outbox where appointment_id = :id and kind = 'CANCELLATION'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(post("/staff/booking/" + id + "/cancel")
                        .param("version", String.valueOf(seen + 1))
                        .with(csrf())
                        .with(user(DESK).roles("FRONT_DESK")))
                .andExpect(flash().attribute("notice", "booking.day.changed.cancel"));
        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    private UUID bookAt(String time) {
        return booking.book(new BookAppointment(
                        fixture.patient(),
                        "swedish",
                        60,
                        fixture.at(day, time),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }
}
