package clinic.relief.booking.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
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

/** Week per therapist, day and week per room, and the front desk's reschedule page. */
@ReliefTest
class StaffCalendarPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

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
    UUID room;
    String therapistEmail;
    UUID therapist;
    UUID appointment;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        room = fixture.onlyRooms("Room " + UUID.randomUUID()).get(0);
        day = fixture.day();
        therapistEmail = "week-" + UUID.randomUUID() + "@example.com";
        therapist = fixture.therapistEmail(therapistEmail);
        appointment = book(fixture.patient(), "10:00");
    }

    @Test
    void theFrontDeskSeesATherapistsWeekWithEachAppointmentLinked() throws Exception {
        String name = patients.get(book.get(appointment).patient().id()).shortName();
        mvc.perform(get("/staff/booking/week")
                        .param("date", day.toString())
                        .param("therapist", therapist.toString())
                        .with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("/staff/booking/" + appointment)))
                .andExpect(content()
                        .string(containsString(CalendarWeeks.monday(day).getDayOfMonth() + "")));
        mvc.perform(get("/staff/booking/week")
                        .param("date", day.toString())
                        .param("therapist", therapist.toString())
                        .param("lang", "es")
                        .with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Semana por terapeuta")));
    }

    @Test
    void aTherapistSeesOnlyTheirOwnWeek() throws Exception {
        UUID other = fixture.therapist("09:00", "17:00");
        UUID theirs = booking.book(new BookAppointment(
                        fixture.patient(),
                        "trigger-point",
                        60,
                        fixture.at(day, "14:00"),
                        Optional.of(other),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();

        mvc.perform(get("/staff/booking/week")
                        .param("date", day.toString())
                        .param("therapist", other.toString())
                        .with(user(therapistEmail).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/booking/" + appointment)))
                .andExpect(content().string(not(containsString("/staff/booking/" + theirs))));
    }

    @Test
    void roomCalendarsShowADayOrAWeekForTheFrontDeskOnly() throws Exception {
        mvc.perform(get("/staff/booking/rooms")
                        .param("date", day.toString())
                        .param("room", room.toString())
                        .with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/booking/" + appointment)));
        mvc.perform(get("/staff/booking/rooms")
                        .param("date", day.minusDays(1).toString())
                        .param("room", room.toString())
                        .with(desk()))
                .andExpect(content().string(not(containsString("/staff/booking/" + appointment))));
        mvc.perform(get("/staff/booking/rooms")
                        .param("date", day.toString())
                        .param("room", room.toString())
                        .param("span", "week")
                        .with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/booking/" + appointment)));
        mvc.perform(get("/staff/booking/rooms").with(user(therapistEmail).roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFrontDeskReschedulesToAFreeTime() throws Exception {
        Instant later = fixture.at(day, "13:00");
        mvc.perform(get("/staff/booking/{id}/reschedule", appointment).with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + later + "|" + therapist + "\"")));

        mvc.perform(post("/staff/booking/{id}/reschedule", appointment)
                        .with(desk())
                        .with(csrf())
                        .param("slot", later + "|" + therapist))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/staff/booking/" + appointment));

        assertThat(startOf(appointment)).isEqualTo(later);
    }

    @Test
    void aTakenTimeIsRefusedOnThePageAndNothingMoves() throws Exception {
        book(fixture.patient(), "15:00");
        Instant before = startOf(appointment);

        mvc.perform(post("/staff/booking/{id}/reschedule", appointment)
                        .with(desk())
                        .with(csrf())
                        .param("slot", fixture.at(day, "15:00") + "|" + therapist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That time was just taken")));

        assertThat(startOf(appointment)).isEqualTo(before);
    }

    @Test
    void aCancelledAppointmentCannotBeRescheduled() throws Exception {
        book.cancel(appointment);
        mvc.perform(post("/staff/booking/{id}/reschedule", appointment)
                        .with(desk())
                        .with(csrf())
                        .param("slot", fixture.at(day, "13:00") + "|" + therapist))
                .andExpect(status().is3xxRedirection());
        assertThat(startOf(appointment)).isEqualTo(fixture.at(day, "10:00"));
        mvc.perform(post("/staff/booking/{id}/reschedule", appointment)
                        .with(user(therapistEmail).roles("THERAPIST"))
                        .with(csrf())
                        .param("slot", fixture.at(day, "13:00") + "|" + therapist))
                .andExpect(status().isForbidden());
    }

    private UUID book(UUID patient, String time) {
        return booking.book(new BookAppointment(
                        patient,
                        "trigger-point",
                        60,
                        fixture.at(day, time),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }

    private Instant startOf(UUID id) {
        return jdbc.sql("select starts_at from booking_appointment where id = :id")
                .param("id", id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private static RequestPostProcessor desk() {
        return user("desk@example.com").roles("FRONT_DESK");
    }
}
