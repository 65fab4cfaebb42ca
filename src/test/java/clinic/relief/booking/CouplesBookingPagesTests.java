package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Couples massage through the booking API, online, at the desk, and on the staff's calendars, feeds and letters. */
@ReliefTest
class CouplesBookingPagesTests {

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
    LocalDate day;
    UUID first;
    UUID second;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        first = fixture.therapist("09:00", "17:00");
        second = fixture.therapist("09:00", "17:00");
    }

    @Test
    void theApiOffersBooksAndShowsACouplesMassageWithBothTherapists() throws Exception {
        mvc.perform(get("/api/booking/services"))
                .andExpect(jsonPath("$[?(@.id == 'couples')].therapists").value(2))
                .andExpect(jsonPath("$[?(@.id == 'swedish')].therapists").value(1));
        mvc.perform(get("/api/booking/availability")
                        .param("service", "couples")
                        .param("minutes", "60")
                        .param("from", day.toString())
                        .param("therapist", first.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].start").value(fixture.at(day, "09:00").toString()))
                .andExpect(jsonPath("$[0].therapistId").value(first.toString()))
                .andExpect(jsonPath("$[0].secondTherapistId").isNotEmpty());

        String body = mvc.perform(apiBooking("couples", "10:00", second))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.therapistId").value(first.toString()))
                .andExpect(jsonPath("$.secondTherapistId").value(second.toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/booking/appointments/" + id).with(user("desk").roles("FRONT_DESK")))
                .andExpect(jsonPath("$.secondTherapistId").value(second.toString()));
        // The second therapist is held: a single session with them then is a lost race, with alternatives.
        mvc.perform(post("/api/booking/appointments")
                        .with(csrf())
                        .with(user("desk").roles("FRONT_DESK"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"patientId": "%s", "service": "swedish", "minutes": 60, "start": "%s",
                                 "therapistId": "%s"}""".formatted(fixture.patient(), fixture.at(day, "10:30"), second)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.alternatives[0].start").exists());
    }

    @Test
    void theApiRefusesASecondTherapistForAOneTherapistServiceAndWritesNothing() throws Exception {
        mvc.perform(apiBooking("swedish", "11:00", second))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(apiBooking("couples", "11:00", first)).andExpect(status().is(422));

        assertThat(jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                        .param("t", first)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theDeskBooksACouplesMassageWithTheTwoTherapistsItPicked() throws Exception {
        UUID patient = fixture.patient();
        String start = fixture.at(day, "14:00") + "|" + first + "|";

        String page = mvc.perform(get("/staff/booking/new")
                        .param("patient", patient.toString())
                        .param("choice", "couples:60")
                        .param("date", day.toString())
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name(first) + " &amp; ")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The page's button for that start with the first therapist names its second therapist too.
        String option = page.replaceAll("(?s).*value=\"(" + start.replace("|", "\\|") + "[0-9a-f-]{36})\".*", "$1");
        UUID picked = UUID.fromString(option.substring(start.length()));
        mvc.perform(post("/staff/booking/new")
                        .with(user("desk").roles("FRONT_DESK"))
                        .with(csrf())
                        .param("patient", patient.toString())
                        .param("choice", "couples:60")
                        .param("slot", option)
                        .param("requestId", UUID.randomUUID().toString()))
                .andExpect(redirectedUrl("/staff/booking?date=" + day));

        assertThat(picked).isNotEqualTo(first);
        assertThat(jdbc.sql("""
                        select count(*) from booking_appointment where patient_id = :p and therapist_id = :first
                        and second_therapist_id = :second and room_id is not null and status = 'BOOKED'""")
                        .param("p", patient)
                        .param("first", first)
                        .param("second", picked)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aVisitorBooksACouplesMassageOnlineAndTheHoldKeepsBothTherapists() throws Exception {
        String email = "couple-" + UUID.randomUUID() + "@example.com";
        Instant start = fixture.at(day, "15:00");

        mvc.perform(get("/book").param("choice", "couples:60").param("date", day.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + start + "|")));
        mvc.perform(visitor(email, "couples:60", start + "|" + first + "|" + second)
                        .post())
                .andExpect(redirectedUrl("/book/check-email"));

        assertThat(jdbc.sql("""
                        select count(*) from booking_therapist_time t join booking_appointment a on a.id = t.appointment_id
                        where a.therapist_id = :first and a.status = 'PENDING' and a.second_therapist_id is not null""").param("first", first).query(Integer.class).single())
                .as("the unconfirmed hold holds both therapists")
                .isEqualTo(2);
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .single();
        String token = body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token)).andExpect(redirectedUrl("/book/done"));

        assertThat(jdbc.sql("select status from booking_appointment where therapist_id = :first")
                        .param("first", first)
                        .query(String.class)
                        .single())
                .isEqualTo("BOOKED");
    }

    @Test
    void bothTherapistsSeeTheCouplesMassageOnTheirDayWeekAndFeedAndTheLetterNamesBoth() throws Exception {
        UUID patient = fixture.patient();
        booking.book(new BookAppointment(
                patient,
                "couples",
                60,
                fixture.at(day, "12:00"),
                Optional.of(first),
                Appointment.Source.FRONT_DESK,
                null,
                null,
                Optional.of(second)));
        String both = name(first) + " &amp; " + name(second);

        for (UUID therapist : new UUID[] {first, second}) {
            String email = email(therapist);
            mvc.perform(get("/staff/booking")
                            .param("date", day.toString())
                            .with(user(email).roles("THERAPIST")))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(containsString(patients.get(patient).lastName())))
                    .andExpect(content().string(containsString(both)));
            mvc.perform(get("/staff/booking/week")
                            .param("date", day.toString())
                            .with(user(email).roles("THERAPIST")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(both)));
            // The address is shown once, right after it is made; only its hash is stored.
            String token = (String) mvc.perform(post("/staff/calendar-feed")
                            .with(user(email).roles("THERAPIST"))
                            .with(csrf()))
                    .andReturn()
                    .getFlashMap()
                    .get("feedToken");
            assertThat(mvc.perform(get("/calendar/" + token + ".ics"))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("SUMMARY:Pat T.", "DESCRIPTION:" + name(first) + " & " + name(second))
                    .doesNotContainIgnoringCase("couples");
        }
        String letter = jdbc.sql("""
                        select o.body from booking_outbox o join patient p on p.email = o.recipient
                        where p.id = :p and o.kind = 'CONFIRMATION'""").param("p", patient).query(String.class).single();
        assertThat(letter).contains(name(first), name(second)).doesNotContainIgnoringCase("couples");
    }

    private MockHttpServletRequestBuilder apiBooking(String service, String time, UUID secondTherapist) {
        return post("/api/booking/appointments")
                .with(csrf())
                .with(user("desk").roles("FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"patientId": "%s", "service": "%s", "minutes": 60, "start": "%s",
                         "therapistId": "%s", "secondTherapistId": "%s"}""".formatted(fixture.patient(), service, fixture.at(day, time), first, secondTherapist));
    }

    private String name(UUID therapist) {
        return jdbc.sql("select display_name from staff_account where id = :id")
                .param("id", therapist)
                .query(String.class)
                .single();
    }

    private String email(UUID therapist) {
        return jdbc.sql("select email from staff_account where id = :id")
                .param("id", therapist)
                .query(String.class)
                .single();
    }
}
