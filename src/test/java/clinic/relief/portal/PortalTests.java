package clinic.relief.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A signed-in patient's own appointments: list, cancel inside and outside the window, move, and nobody else's. */
@ReliefTest
class PortalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    BookingTestData data;
    UUID therapist;
    String email;
    Cookie session;
    UUID me;

    @BeforeEach
    void setUp() throws Exception {
        data = new BookingTestData(context);
        therapist = data.therapistWithOwnRoom("00:00", "23:45");
        email = "me-" + UUID.randomUUID() + "@example.com";
        session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);
        me = patients.findByEmail(email).orElseThrow().id();
    }

    @Test
    void aPatientTurnsTextRemindersOnAndOffThemselves() throws Exception {
        mvc.perform(post("/account/texts/on").with(csrf()).cookie(session)).andExpect(redirectedUrl("/account/texts"));
        assertThat(textConsents()).isEmpty(); // no phone on the record: nothing recorded
        jdbc.sql("update patient set phone = '(213) 555-0142' where id = :id")
                .param("id", me)
                .update();

        mvc.perform(post("/account/texts/on").with(csrf()).cookie(session)).andExpect(redirectedUrl("/account/texts"));
        mvc.perform(get("/account/texts").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Text reminders are on, to +12135550142")));
        mvc.perform(post("/account/texts/off").with(csrf()).cookie(session)).andExpect(redirectedUrl("/account/texts"));

        assertThat(textConsents()).containsExactly("true patient portal", "false patient portal");
        mvc.perform(get("/account/texts").cookie(session).header("Accept-Language", "es"))
                .andExpect(content().string(containsString("Los recordatorios por texto están desactivados")));
    }

    private List<String> textConsents() {
        return jdbc.sql("select granted || ' ' || source from sms_consent where patient_id = :id and channel = 'TEXT'"
                        + " order by recorded_at, id")
                .param("id", me)
                .query(String.class)
                .list();
    }

    @Test
    void cancelsOutsideTheWindowFreeOfCharge() throws Exception {
        UUID id = book(me, "swedish", data.at(data.day(), "10:00"));

        mvc.perform(get("/account").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/account/appointments/" + id + "/cancel")));
        mvc.perform(get("/account/appointments/" + id + "/cancel").cookie(session))
                .andExpect(content().string(containsString("Cancelling now is free")));
        mvc.perform(post("/account/appointments/" + id + "/cancel")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account"));

        assertThat(row(id, "status")).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select fee_owed is null from booking_appointment where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aLateCancelShowsTheServiceFeeAsksAndRecordsIt() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), booking.zone());
        Slot soon = booking.availability(SlotSearch.with(therapist, "swedish", 60, today, today.plusDays(1)))
                .get(0);
        UUID id = book(me, "swedish", soon.start());

        // Swedish: a 12 h window and 25 % of the 60-minute price.
        BigDecimal fee = booking.service("swedish")
                .price(60)
                .multiply(new BigDecimal("0.25"))
                .setScale(2, RoundingMode.HALF_UP);
        mvc.perform(get("/account/appointments/" + id + "/cancel").cookie(session))
                .andExpect(content().string(containsString("Cancelling now costs $" + fee.toPlainString())));
        // A post without the fee on the page (say, from a stale page) asks again and cancels nothing.
        mvc.perform(post("/account/appointments/" + id + "/cancel")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please look again")));
        assertThat(row(id, "status")).isEqualTo("BOOKED");

        mvc.perform(post("/account/appointments/" + id + "/cancel")
                        .cookie(session)
                        .with(csrf())
                        .param("feeShown", fee.toPlainString()))
                .andExpect(redirectedUrl("/account"));
        assertThat(row(id, "status")).isEqualTo("CANCELLED");
        assertThat(new BigDecimal(row(id, "fee_owed"))).isEqualByComparingTo(fee);
        assertThat(row(id, "fee_reason")).isEqualTo("LATE_CANCEL");
    }

    @Test
    void someoneElsesAppointmentIsA404AndStaysAsItIs() throws Exception {
        UUID other = patients.findOrCreate(
                        new NewPatient("Oz", "Other", null, "other-" + UUID.randomUUID() + "@example.com", null, "en"))
                .id();
        UUID theirs = book(other, "swedish", data.at(data.day(), "12:00"));

        mvc.perform(get("/account/appointments/" + theirs + "/cancel").cookie(session))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/appointments/" + theirs + "/cancel")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/appointments/" + theirs + "/reschedule")
                        .cookie(session)
                        .with(csrf())
                        .param("slot", data.at(data.day(), "15:00") + "|" + therapist))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/appointments/" + UUID.randomUUID() + "/cancel")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(row(theirs, "status")).isEqualTo("BOOKED");
        assertThat(row(theirs, "starts_at")).contains(":00");
    }

    @Test
    void movesToAnotherFreeTime() throws Exception {
        UUID id = book(me, "swedish", data.at(data.day(), "09:00"));

        mvc.perform(get("/account/appointments/" + id + "/reschedule")
                        .cookie(session)
                        .param("date", data.day().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(data.at(data.day(), "14:00") + "|")));
        mvc.perform(post("/account/appointments/" + id + "/reschedule")
                        .cookie(session)
                        .with(csrf())
                        .param("slot", data.at(data.day(), "14:00") + "|" + therapist))
                .andExpect(redirectedUrl("/account"));

        assertThat(jdbc.sql("select starts_at = :s from booking_appointment where id = :id")
                        .param("id", id)
                        .param("s", OffsetDateTime.ofInstant(data.at(data.day(), "14:00"), ZoneOffset.UTC))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(post("/account/appointments/" + id + "/reschedule")
                        .cookie(session)
                        .with(csrf())
                        .param("slot", "nonsense"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aSignedInPatientBooksWithoutContactDetailsOrAHold() throws Exception {
        String slot = data.at(data.day(), "16:00") + "|" + therapist;
        mvc.perform(get("/book/details")
                        .cookie(session)
                        .param("choice", "swedish:60")
                        .param("slot", slot))
                .andExpect(content().string(containsString("no e-mail confirmation needed")));
        mvc.perform(patient("swedish:60", slot).post().cookie(session)).andExpect(redirectedUrl("/book/done"));

        assertThat(jdbc.sql("select status from booking_appointment where patient_id = :p")
                        .param("p", me)
                        .query(String.class)
                        .list())
                .containsExactly("BOOKED");
    }

    @Test
    void aPatientJoinsTheWaitlistOnThePageAndThroughTheApiForThemselvesOnly() throws Exception {
        mvc.perform(post("/account/waitlist")
                        .cookie(session)
                        .with(csrf())
                        .param("choice", "swedish:60")
                        .param("firstDay", data.day().toString())
                        .param("lastDay", data.day().plusDays(2).toString())
                        .param("partOfDay", "MORNING")
                        .param("therapistId", therapist.toString()))
                .andExpect(redirectedUrl("/account/waitlist?joined"));
        mvc.perform(post("/account/waitlist")
                        .cookie(session)
                        .with(csrf())
                        .param("choice", "swedish:60")
                        .param("firstDay", data.day().toString())
                        .param("lastDay", data.day().minusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 60 days apart")));
        mvc.perform(get("/account/waitlist").cookie(session).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mañana (antes del mediodía)")));

        String body = """
                {"service":"swedish","minutes":60,"firstDay":"%s","lastDay":"%s","therapistId":"%s"}
                """.formatted(data.day(), data.day(), therapist);
        UUID stranger = patients.findOrCreate(new NewPatient(
                        "Sam", "Stranger", null, "stranger-" + UUID.randomUUID() + "@example.com", null, "en"))
                .id();
        mvc.perform(post("/api/waitlist")
                        .cookie(session)
                        .with(csrf())
                        .param("patientId", stranger.toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.patientId").value(me.toString()));
        UUID theirs = context.getBean(Waitlist.class)
                .join(
                        stranger,
                        new WaitlistRequest("swedish", 60, data.day(), data.day(), null, Optional.of(therapist)))
                .id();
        mvc.perform(delete("/api/waitlist/" + theirs).cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/waitlist/" + theirs + "/withdraw")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    private UUID book(UUID patient, String service, Instant start) {
        return booking.book(new BookAppointment(
                        patient, service, 60, start, Optional.of(therapist), Appointment.Source.ONLINE, null, null))
                .id();
    }

    private String row(UUID id, String column) {
        return jdbc.sql("select " + column + "::text from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
