package clinic.relief.workspace.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The schedule's pages over HTTP: who sees which columns, booking from a free cell, moves refused with their reason
 * (taken time, closed hour, a stale grid) and nothing changed, and the panel's changes per role.
 */
@ReliefTest
class SchedulePagesTests {

    static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

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
    String therapistEmail;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Pages room " + UUID.randomUUID(), "Pages room B " + UUID.randomUUID());
        day = fixture.day();
        therapistEmail = "grid-" + UUID.randomUUID() + "@example.com";
        therapist = fixture.therapistEmail(therapistEmail);
    }

    @Test
    void theDeskSeesTheDayWithItsBlocksAndFreeCellsThatBook() throws Exception {
        UUID id = book(therapist, "10:00");
        String name = book.get(id).patient().fullName();

        mvc.perform(get("/staff/schedule").param("date", day.toString()).with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("/staff/schedule/appointments/" + id)))
                .andExpect(content()
                        .string(containsString("/staff/schedule/new?therapist=" + therapist + "&amp;date=" + day
                                + "&amp;time=11:00")));
        mvc.perform(get("/staff/schedule")
                        .param("date", day.toString())
                        .param("view", "week")
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString(book.get(id).patient().shortName())));
        mvc.perform(get("/staff/schedule")
                        .param("date", day.toString())
                        .param("lang", "es")
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Agenda")));
    }

    @Test
    void aTherapistSeesOnlyTheirOwnColumnAndCannotBookOrChange() throws Exception {
        UUID other = fixture.therapist("09:00", "17:00");
        UUID theirs = book(other, "10:00");
        UUID own = book(therapist, "11:00");
        var me = user(therapistEmail).roles("THERAPIST");

        mvc.perform(get("/staff/schedule").param("date", day.toString()).with(me))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString(book.get(own).patient().fullName())))
                .andExpect(content()
                        .string(not(containsString(book.get(theirs).patient().fullName()))))
                .andExpect(content().string(not(containsString("/staff/schedule/new?"))));
        mvc.perform(get("/staff/schedule/appointments/" + own).with(me)).andExpect(status().isOk());
        mvc.perform(get("/staff/schedule/appointments/" + theirs).with(me)).andExpect(status().isNotFound());
        mvc.perform(post("/staff/schedule/appointments/" + own + "/check-in")
                        .param("token", Tokens.of(book.get(own)))
                        .with(csrf())
                        .with(me))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/schedule/new")
                        .param("therapist", therapist.toString())
                        .param("date", day.toString())
                        .param("time", "13:00")
                        .with(me))
                .andExpect(status().isForbidden());
        assertThat(book.get(own).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void theDeskBooksFromAFreeCellAfterTheConfirmStep() throws Exception {
        UUID patient = fixture.patient();

        mvc.perform(get("/staff/schedule/new")
                        .param("therapist", therapist.toString())
                        .param("date", day.toString())
                        .param("time", "13:00")
                        .param("patient", patient.toString())
                        .param("choice", "swedish:60")
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Book it")));
        String location = mvc.perform(post("/staff/schedule/new")
                        .param("therapist", therapist.toString())
                        .param("date", day.toString())
                        .param("time", "13:00")
                        .param("patient", patient.toString())
                        .param("choice", "swedish:60")
                        .param("requestId", UUID.randomUUID().toString())
                        .with(csrf())
                        .with(DESK))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "schedule.new.booked"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(book.get(id).start()).isEqualTo(fixture.at(day, "13:00"));
        assertThat(book.get(id).therapist().id()).isEqualTo(therapist);
    }

    @Test
    void bookingATakenTimeIsRefusedWithTheReason() throws Exception {
        book(therapist, "13:00");
        UUID patient = fixture.patient();

        mvc.perform(post("/staff/schedule/new")
                        .param("therapist", therapist.toString())
                        .param("date", day.toString())
                        .param("time", "13:00")
                        .param("patient", patient.toString())
                        .param("choice", "swedish:60")
                        .param("requestId", UUID.randomUUID().toString())
                        .with(csrf())
                        .with(DESK))
                .andExpect(flash().attribute("problem", "schedule.move.taken"));
        assertThat(book.ofPatient(patient)).isEmpty();
    }

    @Test
    void movesAfterTheConfirmStepAndSaysWhatChanges() throws Exception {
        UUID id = book(therapist, "10:00");
        String token = Tokens.of(book.get(id));

        mvc.perform(get("/staff/schedule/appointments/" + id + "/move")
                        .param("therapist", therapist.toString())
                        .param("date", day.toString())
                        .param("time", "14:00")
                        .param("token", token)
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Move it")))
                .andExpect(content().string(containsString("An e-mail with the new time")));
        move(id, "14:00", token).andExpect(flash().attribute("notice", "schedule.move.done"));

        assertThat(book.get(id).start()).isEqualTo(fixture.at(day, "14:00"));
    }

    @Test
    void refusesAMoveOntoATakenTime() throws Exception {
        UUID id = book(therapist, "10:00");
        book(therapist, "14:00");

        move(id, "14:00", Tokens.of(book.get(id))).andExpect(flash().attribute("problem", "schedule.move.taken"));

        assertThat(book.get(id).start()).isEqualTo(fixture.at(day, "10:00"));
    }

    @Test
    void refusesAMoveIntoAClosedHour() throws Exception {
        UUID id = book(therapist, "10:00");

        mvc.perform(get("/staff/schedule/appointments/" + id + "/move")
                        .param("therapist", therapist.toString())
                        .param("date", day.toString())
                        .param("time", "18:00")
                        .param("token", Tokens.of(book.get(id)))
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("outside the therapist hours")))
                .andExpect(content().string(not(containsString("Move it"))));
        move(id, "18:00", Tokens.of(book.get(id))).andExpect(flash().attribute("problem", "schedule.move.closed"));

        assertThat(book.get(id).start()).isEqualTo(fixture.at(day, "10:00"));
    }

    @Test
    void refusesAMoveFromAStaleGrid() throws Exception {
        UUID id = book(therapist, "10:00");
        String seen = Tokens.of(book.get(id));
        book.reschedule(id, fixture.at(day, "11:00"), therapist); // someone else moved it first

        move(id, "14:00", seen)
                .andExpect(flash().attribute("problem", "schedule.stale"))
                .andExpect(redirectedUrl("/staff/schedule?date=" + day + "&therapist=" + therapist));

        assertThat(book.get(id).start()).isEqualTo(fixture.at(day, "11:00"));
    }

    @Test
    void theDeskChecksInAndCannotCompleteBeforeTheStart() throws Exception {
        UUID id = book(therapist, "10:00");

        change(id, "check-in").andExpect(flash().attribute("notice", "booking.day.changed.check-in"));
        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        change(id, "complete").andExpect(flash().attribute("problem", "schedule.panel.notStarted"));
        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        change(id, "check-in").andExpect(flash().attribute("problem", "booking.problem.wrongState"));
    }

    @Test
    void theDeskUndoesACheckInFromThePanel() throws Exception {
        UUID id = book(therapist, "10:00");
        change(id, "check-in").andExpect(flash().attribute("notice", "booking.day.changed.check-in"));

        mvc.perform(get("/staff/schedule/appointments/" + id).with(DESK))
                .andExpect(content().string(containsString("/undo-check-in")));
        change(id, "undo-check-in").andExpect(flash().attribute("notice", "booking.day.changed.undo-check-in"));

        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.BOOKED);
        change(id, "undo-check-in").andExpect(flash().attribute("problem", "booking.problem.wrongState"));
    }

    @Test
    void theDeskCancelsAfterSeeingTheTerms() throws Exception {
        UUID id = book(therapist, "10:00");

        mvc.perform(get("/staff/schedule/appointments/" + id + "/cancel").with(DESK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No fee")));
        change(id, "cancel").andExpect(flash().attribute("notice", "booking.day.changed.cancel"));

        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void thePanelShowsTheSessionAndItsActionsToTheDesk() throws Exception {
        UUID id = book(therapist, "10:00");

        mvc.perform(get("/staff/schedule/appointments/" + id).with(DESK))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString(book.get(id).patient().fullName())))
                .andExpect(content().string(containsString("/staff/schedule/appointments/" + id + "/check-in")))
                .andExpect(content().string(containsString("Book again")))
                .andExpect(content().string(not(containsString("Open the treatment note"))))
                // One intake status: this patient has neither a signed form nor a booking health history.
                .andExpect(content().string(containsString("Missing: no signed intake form and no health history")))
                .andExpect(content()
                        .string(containsString(
                                "/staff/patients/" + book.get(id).patient().id() + "/intake/send")))
                .andExpect(content().string(not(containsString("Health history given at booking"))))
                .andExpect(content().string(not(containsString("Signed intake form on file"))));
        mvc.perform(get("/staff/schedule/appointments/" + UUID.randomUUID()).with(DESK))
                .andExpect(status().isNotFound());
    }

    private ResultActions change(UUID id, String change) throws Exception {
        return mvc.perform(post("/staff/schedule/appointments/" + id + "/" + change)
                .param("token", Tokens.of(book.get(id)))
                .with(csrf())
                .with(DESK));
    }

    private ResultActions move(UUID id, String time, String token) throws Exception {
        return mvc.perform(post("/staff/schedule/appointments/" + id + "/move")
                .param("therapist", therapist.toString())
                .param("date", day.toString())
                .param("time", time)
                .param("token", token)
                .with(csrf())
                .with(DESK));
    }

    private UUID book(UUID with, String time) {
        return booking.book(new BookAppointment(
                        fixture.patient(),
                        "swedish",
                        60,
                        fixture.at(day, time),
                        Optional.of(with),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }
}
