package clinic.relief.sms;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.ManageLinks;
import clinic.relief.booking.letters.AppointmentConfirmations;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.clinic.ClinicDetails;
import clinic.relief.clinic.ClinicMoves;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ClinicSettings;
import clinic.relief.mail.Mail;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Text reminders end to end against the local Twilio: consent, the schedule and quiet hours, the SDK's request, replies
 * (C, STOP, START, HELP, anything else, an unknown number), delivery status, signatures and replays.
 */
@ReliefTest
class TextMessageTests {

    private static final String INBOUND = "http://localhost:8080/sms/twilio/inbound";

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    AppointmentConfirmations confirmations;

    @Autowired
    ManageLinks manageLinks;

    @Autowired
    Consents consents;

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Mail mail;

    @Autowired
    TextStore store;

    @Autowired
    ConsentStore consentStore;

    @Autowired
    ReminderWriter writer;

    @Autowired
    TwilioGateway gateway;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SmsSettings settings;

    @Autowired
    ClinicProfile clinic;

    @Autowired
    ClinicSettings clinicSettings;

    final LocalTwilio twilio = LocalTwilio.shared();
    BookingFixture fixture;
    LocalDate day;
    UUID therapist;
    ClinicDetails clinicDetails;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
        clinicDetails = clinicSettings.current().details();
    }

    @Test
    void textsTheReminderADayAheadOnlyToAPatientWhoAgreed() {
        String phone = newPhone();
        UUID agreed = patient("Rosa", phone);
        consents.grantTexts(agreed, phone, "test");
        UUID silent = patient("Omar", newPhone());

        UUID visit = bookAt(agreed, "10:00");
        bookAt(silent, "12:00");

        Instant start = fixture.at(day, "10:00");
        assertThat(sendAfter(visit)).isEqualTo(start.minus(Duration.ofHours(24)));
        assertThat(jdbc.sql("select count(*) from sms_outbox where patient_id = :p")
                        .param("p", silent)
                        .query(Integer.class)
                        .single())
                .isZero();

        sendAllDueAt(start.minus(Duration.ofHours(25)));
        assertThat(twilio.sentTo(phone)).isEmpty();

        sendAllDueAt(start.minus(Duration.ofHours(24)).plusSeconds(30));
        assertThat(twilio.sentTo(phone)).hasSize(1);
        LocalTwilio.Created sent = twilio.sentTo(phone).get(0);
        assertThat(sent.from()).isEqualTo(LocalTwilio.FROM);
        assertThat(sent.body()).contains("Rosa", clinic.shortName(), "Reply C").doesNotContain("Tester", "swedish");
        assertThat(sent.statusCallback()).isEqualTo("http://localhost:8080/sms/twilio/status");
        assertThat(jdbc.sql("select message_sid from sms_outbox where appointment_id = :a")
                        .param("a", visit)
                        .query(String.class)
                        .single())
                .isEqualTo(sent.sid());
    }

    @Test
    void quietHoursHoldATextUntilTheMorning() {
        String phone = newPhone();
        UUID patient = patient("Lena", phone);
        consents.grantTexts(patient, phone, "test");
        UUID visit = bookAt(patient, "10:00");
        Instant late = ZonedDateTime.of(day.minusDays(1), LocalTime.of(22, 30), BookingFixture.LA)
                .toInstant();

        sendAllDueAt(late);

        assertThat(twilio.sentTo(phone)).isEmpty();
        assertThat(sendAfter(visit))
                .isEqualTo(ZonedDateTime.of(day, LocalTime.of(8, 0), BookingFixture.LA)
                        .toInstant());
    }

    @Test
    void replyingCConfirmsTheAppointmentOnceAndAReplayChangesNothing() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Iris", phone);
        consents.grantTexts(patient, phone, "test");
        UUID visit = bookAt(patient, "10:00");
        sendAllDueAt(fixture.at(day, "10:00").minus(Duration.ofHours(23)));

        LocalTwilio.Signed reply = twilio.incoming(INBOUND, phone, " c ");
        String answer = webhook(reply)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("confirmed")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Instant confirmed = confirmations.confirmedAt(visit).orElseThrow();
        // The answer, like every text about a visit, carries a manage link, to that visit.
        Matcher link = Pattern.compile("/manage\\?token=([A-Za-z0-9_-]+)").matcher(answer);
        assertThat(link.find()).as(answer).isTrue();
        assertThat(manageLinks.open(link.group(1)).appointment().id()).isEqualTo(visit);
        mvc.perform(get("/staff/schedule/appointments/" + visit)
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirmed by the patient")));

        webhook(reply).andExpect(status().isOk()).andExpect(content().string(containsString("<Response></Response>")));
        assertThat(confirmations.confirmedAt(visit)).contains(confirmed);
        assertThat(jdbc.sql("select count(*) from sms_inbound where message_sid = :sid")
                        .param("sid", reply.form().get("MessageSid"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTextConfirmationIsTheManageLinksConfirmationAndEveryDeskPageShowsIt() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Jade", phone);
        consents.grantTexts(patient, phone, "test");
        UUID visit = bookAt(patient, "11:00");
        sendAllDueAt(fixture.at(day, "11:00").minus(Duration.ofHours(23)));
        int before = book.get(visit).version();

        webhook(twilio.incoming(INBOUND, phone, "C")).andExpect(status().isOk());

        assertThat(book.get(visit).patientConfirmed()).isTrue();
        assertThat(book.get(visit).version()).isEqualTo(before + 1);
        assertThat(book.day(day).stream()
                        .filter(a -> a.id().equals(visit))
                        .findFirst()
                        .orElseThrow()
                        .deskState())
                .isEqualTo("PATIENT_CONFIRMED");
        assertThat(manageLinks.open(token(manageLinks.linkFor(visit))).confirmed())
                .isTrue();
        assertThat(jdbc.sql("select patient_confirmed_via from booking_appointment where id = :id")
                        .param("id", visit)
                        .query(String.class)
                        .single())
                .isEqualTo("TEXT");
        mvc.perform(get("/staff/schedule")
                        .param("date", day.toString())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("status-booked patient-confirmed")));

        book.reschedule(visit, fixture.at(day, "14:00"), therapist);
        assertThat(book.get(visit).patientConfirmed()).isFalse();
        assertThat(confirmations.confirmedAt(visit)).isEmpty();
    }

    @Test
    void aTextAfterTheManageLinksConfirmationKeepsTheFirst() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Kai", phone);
        consents.grantTexts(patient, phone, "test");
        UUID visit = bookAt(patient, "12:00");
        manageLinks.confirm(visit, book.get(visit).version());
        Instant first = confirmations.confirmedAt(visit).orElseThrow();
        int version = book.get(visit).version();

        webhook(twilio.incoming(INBOUND, phone, "y"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("confirmed")));

        assertThat(confirmations.confirmedAt(visit)).contains(first);
        assertThat(book.get(visit).version()).isEqualTo(version);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    @Test
    void stopStopsTextsAtOnceAndStartRestartsThem() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Tomás", phone);
        consents.grantTexts(patient, phone, "test");
        UUID first = bookAt(patient, "10:00");

        webhook(twilio.incoming(INBOUND, phone, "STOP")).andExpect(status().isOk());

        assertThat(voided(first)).isTrue();
        assertThat(consents.latest(patient, Channel.TEXT).orElseThrow().granted())
                .isFalse();
        assertThat(consents.blocked(phone)).contains("OPTED_OUT");
        UUID second = bookAt(patient, "12:00");
        assertThat(rows(second)).isZero();

        webhook(twilio.incoming(INBOUND, phone, "start"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("again")));

        assertThat(consents.textableNumber(patient)).contains(phone);
        UUID third = bookAt(patient, "14:00");
        assertThat(rows(third)).isEqualTo(1);
    }

    @Test
    void aPermanentDeliveryFailureIsShownAndStopsTextingTheNumber() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Nadia", phone);
        consents.grantTexts(patient, phone, "test");
        bookAt(patient, "10:00");
        sendAllDueAt(fixture.at(day, "10:00").minus(Duration.ofHours(23)));
        String sid = twilio.sentTo(phone).get(0).sid();

        webhook(twilio.status(sid, "sent", "")).andExpect(status().isOk());
        webhook(twilio.status(sid, "undelivered", "30006")).andExpect(status().isOk());
        webhook(twilio.status(sid, "sent", "")).andExpect(status().isOk());

        assertThat(jdbc.sql("select status || ' ' || error_code from sms_outbox where message_sid = :sid")
                        .param("sid", sid)
                        .query(String.class)
                        .single())
                .isEqualTo("undelivered 30006");
        assertThat(consents.blocked(phone)).contains("FAILED");
        assertThat(rows(bookAt(patient, "12:00"))).isZero();
        mvc.perform(get("/staff/patients/" + patient)
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("undelivered (30006)")));
    }

    @Test
    void aLandlineRefusedByTwilioIsNotTextedAgain() {
        String phone = newPhone();
        twilio.treatAsLandline(phone);
        UUID patient = patient("Ken", phone);
        consents.grantTexts(patient, phone, "test");
        UUID visit = bookAt(patient, "10:00");

        sendAllDueAt(fixture.at(day, "10:00").minus(Duration.ofHours(23)));
        assertThat(twilio.sentTo(phone)).isEmpty();

        assertThat(voided(visit)).isTrue();
        assertThat(jdbc.sql("select error_code from sms_outbox where appointment_id = :a")
                        .param("a", visit)
                        .query(Integer.class)
                        .single())
                .isEqualTo(21614);
        assertThat(consents.textableNumber(patient)).isEmpty();
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Eva", phone);
        consents.grantTexts(patient, phone, "test");
        LocalTwilio.Signed genuine = twilio.incoming(INBOUND, phone, "STOP");
        MockHttpServletRequestBuilder forged =
                post(URI.create(genuine.url()).getPath()).header("X-Twilio-Signature", genuine.signature());
        genuine.form().forEach((name, value) -> forged.param(name, name.equals("From") ? newPhone() : value));
        MockHttpServletRequestBuilder unsigned = post(URI.create(genuine.url()).getPath());
        genuine.form().forEach(unsigned::param);

        mvc.perform(forged).andExpect(status().isForbidden());
        mvc.perform(unsigned).andExpect(status().isForbidden());

        assertThat(consents.textableNumber(patient)).contains(phone);
        assertThat(jdbc.sql("select count(*) from sms_inbound where message_sid = :sid")
                        .param("sid", genuine.form().get("MessageSid"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void otherRepliesAndUnknownNumbersWaitInTheDeskInbox() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Ada", phone);
        consents.grantTexts(patient, phone, "test");

        webhook(twilio.incoming(INBOUND, phone, "Can I bring my daughter?")).andExpect(status().isOk());
        String stranger = newPhone();
        webhook(twilio.incoming(INBOUND, stranger, "C")).andExpect(status().isOk());
        webhook(twilio.incoming(INBOUND, phone, "HELP"))
                .andExpect(content().string(containsString(clinic.phoneDisplay())));

        assertThat(store.inbox(100))
                .anySatisfy(item -> assertThat(item.patientId()).isNull())
                .anySatisfy(item -> assertThat(item.body()).isEqualTo("Can I bring my daughter?"));
        mvc.perform(get("/staff/patients/" + patient)
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Can I bring my daughter?")));
        mvc.perform(get("/staff/sms/inbox").with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(stranger)))
                .andExpect(content().string(containsString("Unknown number")))
                .andExpect(content().string(containsString("waiting")));
        mvc.perform(get("/staff/sms/inbox").with(user("therapist@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDeskRecordsConsentWithItsSource() throws Exception {
        String phone = newPhone();
        UUID patient = patient("Bo", phone);

        mvc.perform(post("/staff/sms/patients/" + patient + "/consent")
                        .param("channel", "TEXT")
                        .param("granted", "true")
                        .with(csrf())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().is3xxRedirection());

        Consents.Consent consent = consents.latest(patient, Channel.TEXT).orElseThrow();
        assertThat(consent.granted()).isTrue();
        assertThat(consent.phone()).contains(phone);
        assertThat(consent.source()).isEqualTo("front desk: desk@example.com");
    }

    @Test
    void aPatientWhoRefusedEmailRemindersGetsTheConfirmationButNoReminder() {
        UUID refused = patient("Uma", newPhone());
        consents.recordEmail(refused, false, "test");
        UUID other = patient("Vic", newPhone());

        UUID quiet = bookAt(refused, "10:00");
        UUID reminded = bookAt(other, "12:00");

        assertThat(mail.countQueued(quiet, List.of("CONFIRMATION"))).isEqualTo(1);
        assertThat(mail.countQueued(quiet, List.of("REMINDER"))).isZero();
        assertThat(mail.countQueued(reminded, List.of("REMINDER"))).isEqualTo(1);
    }

    @Test
    void theWorkerKeepsTheQuietHoursOfThePatientsOwnZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        String first = newPhone();
        UUID nina = patient("Nina", first);
        consents.grantTexts(nina, first, "test", Optional.of(newYork));
        UUID ninasVisit = bookAt(nina, "10:00");
        // Wanted a day ahead, at 10 AM here (1 PM there): daytime in both zones.
        assertThat(sendAfter(ninasVisit)).isEqualTo(fixture.at(day.minusDays(1), "10:00"));
        Instant nineThere =
                ZonedDateTime.of(day.minusDays(1), LocalTime.of(21, 0), newYork).toInstant();

        sendAllDueAt(nineThere); // 9:00 PM there, only 6:00 PM here: it waits for 8 AM here (11 AM there)
        assertThat(twilio.sentTo(first)).isEmpty();
        assertThat(sendAfter(ninasVisit)).isEqualTo(fixture.at(day, "08:00"));
        sendAllDueAt(fixture.at(day, "08:00").minusSeconds(60));
        assertThat(twilio.sentTo(first)).isEmpty();
        sendAllDueAt(fixture.at(day, "08:00"));
        assertThat(twilio.sentTo(first)).hasSize(1);

        String second = newPhone();
        UUID omar = patient("Omar", second);
        consents.grantTexts(omar, second, "test", Optional.of(newYork));
        bookAt(omar, "13:00");
        sendAllDueAt(nineThere.minusSeconds(60)); // 8:59 PM there
        assertThat(twilio.sentTo(second)).hasSize(1);
    }

    @Test
    void aReminderIsWrittenWhenItLeavesWithTheClinicsAddressOfThatDay() {
        String phone = newPhone();
        UUID rosa = patient("Rosa", phone);
        consents.grantTexts(rosa, phone, "test");
        UUID visit = bookAt(rosa, "15:00");
        assertThat(body(visit)).as("queued without its words").isEmpty();

        // Before the day of the reminder, the clinic moves.
        ClinicDetails before = clinicSettings.current().details();
        clinicSettings.edit(
                clinicSettings.current().version(),
                ClinicMoves.movedTo(clinicSettings, "12 Moved Avenue", before.phone()),
                "owner@example.com");
        sendAllDueAt(fixture.at(day, "15:00").minus(Duration.ofHours(24)).plusSeconds(30));

        assertThat(twilio.sentTo(phone)).hasSize(1);
        assertThat(twilio.sentTo(phone).get(0).body())
                .contains("Rosa", "12 Moved Avenue", "/manage?token=")
                .doesNotContain(before.street());
        assertThat(body(visit)).hasValueSatisfying(text -> assertThat(text).contains("12 Moved Avenue"));
    }

    /** Every test leaves the clinic's details as it found them, so the other tests see the usual clinic. */
    @AfterEach
    void restoreTheClinicsDetails() {
        ClinicMoves.restore(clinicSettings, clinicDetails);
    }

    /** The reminder's words as the outbox holds them; empty until it is written. */
    private Optional<String> body(UUID appointment) {
        return Optional.of(jdbc.sql("select coalesce(body, '') from sms_outbox where appointment_id = :a")
                        .param("a", appointment)
                        .query(String.class)
                        .single())
                .filter(body -> !body.isEmpty());
    }

    /** Runs the worker at {@code now} until it sends nothing more (other tests' rows may be due too). */
    /**
     * Runs the worker until nothing is due at {@code now}: a batch holds 20 rows, and the tests share one database in
     * which earlier tests leave texts due (a batch that only defers them to the morning sends nothing).
     */
    private void sendAllDueAt(Instant now) {
        for (int round = 0; round < 50 && dueAt(now) > 0; round++) {
            sendDueAt(now);
        }
    }

    private int dueAt(Instant now) {
        return jdbc.sql("select count(*) from sms_outbox where sent_at is null and voided_at is null"
                        + " and send_after <= :now and attempts < 8")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(Integer.class)
                .single();
    }

    private UUID patient(String firstName, String phone) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient(firstName, "Tester" + tag, phone, tag + "@example.com", null, "en"))
                .id();
    }

    private UUID bookAt(UUID patient, String time) {
        return booking.book(new BookAppointment(
                        patient,
                        "swedish",
                        60,
                        fixture.at(day, time),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }

    private int sendDueAt(Instant now) {
        return worker(Clock.fixed(now, ZoneOffset.UTC)).sendDue();
    }

    private TextWorker worker(Clock at) {
        return new TextWorker(store, writer, consentStore, gateway, transactions, settings, clinic, at);
    }

    private Instant sendAfter(UUID appointment) {
        return jdbc.sql("select send_after from sms_outbox where appointment_id = :a")
                .param("a", appointment)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private boolean voided(UUID appointment) {
        return jdbc.sql("select voided_at is not null from sms_outbox where appointment_id = :a")
                .param("a", appointment)
                .query(Boolean.class)
                .single();
    }

    private int rows(UUID appointment) {
        return jdbc.sql("select count(*) from sms_outbox where appointment_id = :a")
                .param("a", appointment)
                .query(Integer.class)
                .single();
    }

    private ResultActions webhook(LocalTwilio.Signed signed) throws Exception {
        MockHttpServletRequestBuilder request =
                post(URI.create(signed.url()).getPath()).header("X-Twilio-Signature", signed.signature());
        signed.form().forEach(request::param);
        return mvc.perform(request);
    }

    /** A valid Los Angeles mobile-style number no other test uses. */
    private static String newPhone() {
        return "+1213" + (200 + ThreadLocalRandom.current().nextInt(800))
                + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    }
}
