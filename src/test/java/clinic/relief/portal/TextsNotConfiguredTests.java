package clinic.relief.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.sms.Consents;
import clinic.relief.sms.LocalTwilioMessages;
import clinic.relief.sms.TextWorker;
import clinic.relief.sms.Texts;
import clinic.relief.staff.Staff;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without Twilio's credentials ({@code relief.sms.twilio.*} empty) no text is attempted, and every page that talks
 * about texts says they are not sent: the chart's texts section and the text inbox (staff), the booking form and the
 * patient's text reminders page (patients, who are not offered texts there).
 */
@ReliefTest
@TestPropertySource(
        properties = {"relief.sms.twilio.account-sid=", "relief.sms.twilio.auth-token=", "relief.sms.twilio.from="})
class TextsNotConfiguredTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    Consents consents;

    @Autowired
    Texts texts;

    @Autowired
    TextWorker worker;

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void aReminderDueNowIsNotAttempted() {
        assertThat(texts.enabled()).isFalse();
        String phone = newPhone();
        UUID patient = patient(phone, "en");
        consents.grantTexts(patient, phone, "test");
        // Tomorrow 09:15 in Los Angeles: its reminder, a day ahead, leaves 15 minutes after the tests' clock; the
        // clock does not travel, so the stored time is moved to now instead.
        LocalDate tomorrow =
                LocalDate.ofInstant(clock.instant(), BookingFixture.LA).plusDays(1);
        UUID visit = booking.book(new BookAppointment(
                        patient,
                        "swedish",
                        60,
                        fixture.at(tomorrow, "09:15"),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
        assertThat(jdbc.sql("update sms_outbox set send_after = :now where appointment_id = :a")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("a", visit)
                        .update())
                .isOne();

        assertThat(worker.sendDue()).isZero();

        assertThat(LocalTwilioMessages.bodiesTo(phone)).isEmpty();
        assertThat(jdbc.sql("select attempts = 0 and sent_at is null and message_sid is null from sms_outbox"
                                + " where appointment_id = :a")
                        .param("a", visit)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "en, Text messages are not sent: Twilio is not configured",
        "es, No se envían mensajes de texto: Twilio no está configurado"
    })
    void theChartAndTheInboxSayTextsAreNotSent(String language, String notice) throws Exception {
        String phone = newPhone();
        UUID patient = patient(phone, language);
        consents.grantTexts(patient, phone, "test");

        mvc.perform(get("/staff/patients/" + patient).param("lang", language).with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(notice)));
        mvc.perform(get("/staff/sms/inbox").param("lang", language).with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(notice)));
    }

    @ParameterizedTest
    @CsvSource({
        "en, This clinic does not send text messages at the moment",
        "es, Por ahora esta clínica no envía mensajes de texto"
    })
    void theBookingFormSaysTextsAreNotSentAndOffersNone(String language, String notice) throws Exception {
        LocalDate day = fixture.day();
        mvc.perform(get("/book/details")
                        .param("lang", language)
                        .param("choice", "swedish:60")
                        .param("slot", fixture.at(day, "10:00") + "|" + therapist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(notice)))
                .andExpect(content().string(not(containsString("name=\"wantsTexts\""))));
    }

    @ParameterizedTest
    @CsvSource({
        "en, This clinic does not send text messages at the moment",
        "es, Por ahora esta clínica no envía mensajes de texto"
    })
    void thePatientsTextRemindersPageSaysTextsAreNotSentAndOffersNone(String language, String notice) throws Exception {
        String email = "no-texts-" + UUID.randomUUID() + "@example.com";
        Cookie session = PortalFixture.account(mvc, jdbc, email, PatientAccountTests.PASSWORD);

        mvc.perform(get("/account/texts").param("lang", language).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(notice)))
                .andExpect(content().string(not(containsString("/account/texts/on"))));
    }

    private UUID patient(String phone, String language) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(
                        new NewPatient("Noa", "Sintexto" + tag, phone, tag + "@example.com", null, language))
                .id();
    }

    private static RequestPostProcessor desk() {
        return user("desk@example.com").roles("FRONT_DESK");
    }

    /** A valid Los Angeles mobile-style number no other test uses. */
    private static String newPhone() {
        return "+1213" + (200 + ThreadLocalRandom.current().nextInt(800))
                + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    }
}
