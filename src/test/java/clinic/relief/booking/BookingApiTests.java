package clinic.relief.booking;

import java.time.Clock;
import java.time.LocalDate;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReliefTest
class BookingApiTests {

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
    void listsAvailabilityPublicly() throws Exception {
        mvc.perform(get("/api/booking/availability")
                        .param("service", "sports")
                        .param("minutes", "30")
                        .param("from", day.toString())
                        .param("therapist", therapist.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].start").value(fixture.at(day, "09:00").toString()));
    }

    @Test
    void booksThenAnswers409WithAlternativesForTheSameSlot() throws Exception {
        mvc.perform(booking(fixture.patient(), "10:00", null))
                .andExpect(status().isCreated())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value("BOOKED"))
                .andExpect(jsonPath("$.start").value(fixture.at(day, "10:00").toString()));

        mvc.perform(booking(fixture.patient(), "10:00", null))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.alternatives[0].start").exists());
    }

    @Test
    void describesTheBookingAnswerAndTheIdempotencyKeyInTheOpenApiDocument() throws Exception {
        // The 201 and the key's length are described by the operation's annotations.
        String post = "$.paths['/api/booking/appointments'].post";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(post + ".responses['201'].content['application/json'].schema['$ref']")
                        .value(endsWith("/AppointmentJson")))
                .andExpect(jsonPath(post + ".responses['200']").doesNotExist())
                .andExpect(jsonPath(post + ".parameters[?(@.name == 'Idempotency-Key')].in")
                        .value("header"))
                .andExpect(jsonPath(post + ".parameters[?(@.name == 'Idempotency-Key')].schema.maxLength")
                        .value(100));
    }

    @Test
    void answers422ForAStartOffTheGridAndWritesNothing() throws Exception {
        mvc.perform(booking(fixture.patient(), "10:07", null)).andExpect(status().is(422));

        assertThat(jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                        .param("t", therapist)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void returnsTheFirstResultForARetriedIdempotencyKey() throws Exception {
        UUID patient = fixture.patient();
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(booking(patient, "13:00", key))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String retry = mvc.perform(booking(patient, "13:00", key))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(retry).isEqualTo(first);
    }

    @Test
    void refusesAnIdempotencyKeyLongerThanItCanKeepAndWritesNothing() throws Exception {
        mvc.perform(booking(fixture.patient(), "13:30", "k".repeat(101)).header("Accept-Language", "es"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:relief:booking:idempotencyKeyTooLong"))
                .andExpect(jsonPath("$.title").value(containsString("como máximo 100")));
        // One character shorter is a key like any other.
        mvc.perform(booking(fixture.patient(), "13:30", "k".repeat(100))).andExpect(status().isCreated());

        assertThat(jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                        .param("t", therapist)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void keepsAppointmentsFromTherapistsAndStrangers() throws Exception {
        mvc.perform(booking(fixture.patient(), "14:00", null).with(user("t").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/booking/appointments")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answers409WhenCancellingTwice() throws Exception {
        String body = mvc.perform(booking(fixture.patient(), "15:00", null))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/booking/appointments/" + id + "/cancel")
                        .with(csrf())
                        .with(user("d").roles("OWNER")))
                .andExpect(status().isOk());

        mvc.perform(post("/api/booking/appointments/" + id + "/cancel")
                        .with(csrf())
                        .with(user("d").roles("OWNER")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("CANCELLED"));
    }

    private MockHttpServletRequestBuilder booking(UUID patient, String time, String key) {
        MockHttpServletRequestBuilder request = post("/api/booking/appointments")
                .with(csrf())
                .with(user("desk").roles("FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"patientId": "%s", "service": "trigger-point", "minutes": 60, "start": "%s",
                         "therapistId": "%s"}""".formatted(patient, fixture.at(day, time), therapist));
        return key == null ? request : request.header("Idempotency-Key", key);
    }
}
