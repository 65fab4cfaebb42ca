package clinic.relief.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.online.OnlineBookingPost;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.patients.VerificationToken;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
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

@ReliefTest
class BookingPagesTests {

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
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void showsFreeTimesForAServiceInBothLanguages() throws Exception {
        mvc.perform(get("/book").param("choice", "trigger-point:60").param("date", day.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pick a time")))
                .andExpect(content().string(containsString("value=\"" + fixture.at(day, "09:00") + "|")));
        mvc.perform(get("/book").param("choice", "trigger-point:60").param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Reservar una sesión")));
    }

    @Test
    void booksOnlineWithIntakeConsentAndTheAssessmentId() throws Exception {
        UUID assessment = UUID.randomUUID();
        String email = "ana-" + UUID.randomUUID() + "@example.com";

        mvc.perform(onlineForm(email, assessment.toString()).post())
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/book/check-email"));
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .single();
        String token = body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token)).andExpect(redirectedUrl("/book/done"));

        assertThat(jdbc.sql("select a.assessment_id from booking_appointment a join patient p on p.id = a.patient_id"
                                + " where p.email = :e")
                        .param("e", email)
                        .query(UUID.class)
                        .single())
                .isEqualTo(assessment);
        assertThat(jdbc.sql("select consent_version from patient_intake i join patient p on p.id = i.patient_id"
                                + " where p.email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                // The version of the consent document in effect, which the form linked (not a configured one).
                .isEqualTo("2026-12");
    }

    @Test
    void showsLocalizedFieldErrorsAndWritesNothingWithoutConsent() throws Exception {
        String email = "no-consent-" + UUID.randomUUID() + "@example.com";

        mvc.perform(onlineForm(email, "")
                        .without("consentToTreatment")
                        .without("acceptsPrivacyNotice")
                        .post()
                        .param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Necesitamos su consentimiento")));

        assertThat(jdbc.sql("select count(*) from patient where email = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void frontDeskFindsACallerAndBooksThem() throws Exception {
        UUID patient = fixture.patient();
        String lastName = patients.get(patient).lastName();

        mvc.perform(get("/staff/booking/new")
                        .param("q", lastName.substring(0, 8))
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(lastName)));
        mvc.perform(post("/staff/booking/new")
                        .with(user("desk").roles("FRONT_DESK"))
                        .with(csrf())
                        .param("patient", patient.toString())
                        .param("choice", "swedish:60")
                        .param("slot", fixture.at(day, "10:00") + "|" + therapist)
                        .param("requestId", UUID.randomUUID().toString()))
                .andExpect(redirectedUrl("/staff/booking?date=" + day));

        mvc.perform(get("/staff/booking")
                        .param("date", day.toString())
                        .with(user("desk").roles("FRONT_DESK")))
                .andExpect(content().string(containsString(lastName)));
    }

    @Test
    void frontDeskAddsANewCallerWithAPhoneNumberOnly() throws Exception {
        mvc.perform(post("/staff/booking/patients")
                        .with(user("desk").roles("FRONT_DESK"))
                        .with(csrf())
                        .param("firstName", "Rosa")
                        .param("lastName", "Caller" + UUID.randomUUID())
                        .param("phone", "(310) 555-0199")
                        .param("language", "es"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void therapistSeesOnlyTheirOwnDayAndCannotBook() throws Exception {
        String email = "own-" + UUID.randomUUID() + "@example.com";
        UUID own = fixture.therapistEmail(email);
        UUID ownPatient = fixture.patient();
        UUID otherPatient = fixture.patient();
        booking.book(new BookAppointment(
                ownPatient,
                "swedish",
                60,
                fixture.at(day, "10:00"),
                Optional.of(own),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        booking.book(new BookAppointment(
                otherPatient,
                "swedish",
                60,
                fixture.at(day, "12:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));

        mvc.perform(get("/staff/booking")
                        .param("date", day.toString())
                        .with(user(email).roles("THERAPIST")))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString(patients.get(ownPatient).lastName())))
                .andExpect(content()
                        .string(not(containsString(patients.get(otherPatient).lastName()))));
        mvc.perform(get("/staff/booking/new").with(user(email).roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void frontDeskCancelsAndTheDayShowsIt() throws Exception {
        Appointment appointment = booking.book(new BookAppointment(
                fixture.patient(),
                "swedish",
                60,
                fixture.at(day, "15:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));

        mvc.perform(post("/staff/booking/" + appointment.id() + "/cancel")
                        .with(user("d").roles("FRONT_DESK"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/staff/booking?date=" + day));

        assertThat(booking.availability(SlotSearch.with(therapist, "swedish", 60, day, day)))
                .extracting(Slot::start)
                .contains(fixture.at(day, "15:00"));
    }

    @Test
    void givesATherapistAPrivateCalendarFeedWithoutServiceOrHealthDetails() throws Exception {
        String email = "feed-" + UUID.randomUUID() + "@example.com";
        UUID own = fixture.therapistEmail(email);
        UUID patient = fixture.patient();
        booking.book(new BookAppointment(
                patient,
                "swedish",
                60,
                fixture.at(day, "10:00"),
                Optional.of(own),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        String token = (String) mvc.perform(post("/staff/calendar-feed")
                        .with(user(email).roles("THERAPIST"))
                        .with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("feedToken");
        // Stored like every other token: only its SHA-256.
        assertThat(jdbc.sql("select token_hash from booking_calendar_feed where therapist_id = :t")
                        .param("t", own)
                        .query(String.class)
                        .single())
                .isEqualTo(VerificationToken.hash(token))
                .isNotEqualTo(token);

        String ics = mvc.perform(get("/calendar/" + token + ".ics"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(ics)
                .contains("BEGIN:VEVENT", "SUMMARY:Pat T.", "DTSTART:")
                .doesNotContainIgnoringCase("swedish")
                .doesNotContain(patients.get(patient).lastName());
        mvc.perform(get("/calendar/not-a-token.ics")).andExpect(status().isNotFound());
    }

    @Test
    void answersATamperedChoiceWith400() throws Exception {
        mvc.perform(get("/book").param("choice", "reiki:60")).andExpect(status().isBadRequest());
    }

    private OnlineBookingPost onlineForm(String email, String assessment) {
        return visitor(email, "trigger-point:60", fixture.at(day, "11:00") + "|" + therapist)
                .with("conditions", "sciatica")
                .with("assessment", assessment);
    }
}
