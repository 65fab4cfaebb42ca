package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.SlotSearch;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The owner's editors: valid changes are written whole, invalid ones show field errors and write nothing. */
@ReliefTest
class ScheduleEditorTests {

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

    BookingFixture fixture;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void theOwnerSavesASplitWeekWithABreakAndFewerServices() throws Exception {
        mvc.perform(week("10:00", "13:00", "14:00", "19:00", "11:00", "11:30").param("services", "swedish"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "booking.schedule.saved"));

        assertThat(hours()).isEqualTo(14);
        assertThat(count("booking_therapist_break")).isEqualTo(7);
        assertThat(jdbc.sql("select service_id from booking_therapist_service where therapist_id = :t")
                        .param("t", therapist)
                        .query(String.class)
                        .list())
                .containsExactly("swedish");
        mvc.perform(get("/staff/schedules/therapists/{id}", therapist).with(owner()))
                .andExpect(content().string(containsString("value=\"14:00\"")));
    }

    @ParameterizedTest(name = "{6}")
    @CsvSource({
        "10:00, 09:00, , , , , The end must be after the start.",
        "09:00, 13:00, 12:00, 17:00, , , The second stretch overlaps the first.",
        "09:00, 13:00, , , 13:30, 14:00, The break must fall inside the working hours.",
        "09:00, , , , , , 'Please give both a start and an end, or neither.'"
    })
    void aBadWeekShowsALocalizedFieldErrorAndWritesNothing(
            String start, String end, String start2, String end2, String breakStart, String breakEnd, String message)
            throws Exception {
        mvc.perform(week(start, end, start2, end2, breakStart, breakEnd).param("services", "swedish"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message)));

        assertThat(hours()).isEqualTo(7);
        assertThat(count("booking_therapist_service")).isEqualTo(6);
    }

    @Test
    void theErrorsAreInSpanishForASpanishPage() throws Exception {
        mvc.perform(week("10:00", "09:00", null, null, null, null).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("El final debe ser posterior al inicio.")));
    }

    @Test
    void timeOffInThePastOrBackwardsIsRefusedAndAValidOneIsAdded() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BookingFixture.LA);
        mvc.perform(timeOff(today.minusDays(1), today.plusDays(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Time off cannot start in the past.")));
        mvc.perform(timeOff(today.plusDays(5), today.plusDays(4)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The last day cannot come before the first.")));
        assertThat(count("booking_time_off")).isZero();

        mvc.perform(timeOff(today.plusDays(4), today.plusDays(5))).andExpect(status().is3xxRedirection());
        assertThat(count("booking_time_off")).isEqualTo(1);
        assertThat(booking.availability(
                        SlotSearch.with(therapist, "swedish", 60, today.plusDays(4), today.plusDays(5))))
                .isEmpty();
    }

    @Test
    void aRoomHoldingFutureAppointmentsIsNotDeactivatedAndAFreeOneIs() throws Exception {
        UUID busy = fixture.onlyRooms("Busy room " + UUID.randomUUID()).get(0);
        booking.book(new BookAppointment(
                fixture.patient(),
                "trigger-point",
                60,
                fixture.at(fixture.day(), "10:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        UUID free = admin.room("Free room " + UUID.randomUUID());

        mvc.perform(post("/staff/schedules/rooms/{id}/deactivate", busy)
                        .with(owner())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "booking.rooms.busy"))
                .andExpect(flash().attribute("busyCount", 1));
        mvc.perform(post("/staff/schedules/rooms/{id}/deactivate", free)
                        .with(owner())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "booking.rooms.deactivated"));

        assertThat(active(busy)).isTrue();
        assertThat(active(free)).isFalse();
    }

    @Test
    void roomsAreAddedAndRenamedWithUniqueNames() throws Exception {
        String name = "Garden room " + UUID.randomUUID();
        mvc.perform(post("/staff/schedules/rooms").with(owner()).with(csrf()).param("name", name))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/schedules/rooms").with(owner()).with(csrf()).param("name", name))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another room already has that name.")));
        mvc.perform(post("/staff/schedules/rooms").with(owner()).with(csrf()).param("name", " "))
                .andExpect(content().string(containsString("Please enter a room name.")));
        UUID room = admin.room(name);
        mvc.perform(post("/staff/schedules/rooms/{id}/rename", room)
                        .with(owner())
                        .with(csrf())
                        .param("name", name + " (quiet)"))
                .andExpect(flash().attribute("notice", "booking.rooms.renamed"));
        assertThat(jdbc.sql("select name from booking_room where id = :id")
                        .param("id", room)
                        .query(String.class)
                        .single())
                .isEqualTo(name + " (quiet)");
    }

    @Test
    void onlyTheOwnerOpensTheEditors() throws Exception {
        mvc.perform(get("/staff/schedules").with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/schedules").with(owner())).andExpect(status().isOk());
        mvc.perform(get("/staff/schedules/therapists/{id}", UUID.randomUUID()).with(owner()))
                .andExpect(status().isNotFound());
    }

    /** The same hours on every day of the week. */
    private MockHttpServletRequestBuilder week(
            String start, String end, String start2, String end2, String breakStart, String breakEnd) {
        MockHttpServletRequestBuilder request = post("/staff/schedules/therapists/{id}", therapist)
                .with(owner())
                .with(csrf());
        for (DayOfWeek day : DayOfWeek.values()) {
            String p = "days[" + (day.getValue() - 1) + "].";
            request.param(p + "day", day.name())
                    .param(p + "start", blank(start))
                    .param(p + "end", blank(end))
                    .param(p + "start2", blank(start2))
                    .param(p + "end2", blank(end2))
                    .param(p + "breakStart", blank(breakStart))
                    .param(p + "breakEnd", blank(breakEnd));
        }
        return request;
    }

    private MockHttpServletRequestBuilder timeOff(LocalDate from, LocalDate to) {
        return post("/staff/schedules/therapists/{id}/time-off", therapist)
                .with(owner())
                .with(csrf())
                .param("from", from.toString())
                .param("to", to.toString());
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private int hours() {
        return count("booking_therapist_hours");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where therapist_id = :t")
                .param("t", therapist)
                .query(Integer.class)
                .single();
    }

    private boolean active(UUID room) {
        return jdbc.sql("select active from booking_room where id = :id")
                .param("id", room)
                .query(Boolean.class)
                .single();
    }

    private static RequestPostProcessor owner() {
        return user("owner@example.com").roles("OWNER");
    }
}
