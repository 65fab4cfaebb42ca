package clinic.relief.booking;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.clinic.ClinicDetails;
import clinic.relief.clinic.ClinicMoves;
import clinic.relief.clinic.ClinicSettings;
import clinic.relief.mail.OutboxWorker;
import clinic.relief.mail.TestSmtp;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.sms.Consents;
import clinic.relief.staff.Staff;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Emails go through the outbox to a real SMTP server (GreenMail), once each, and say nothing medical. */
@ReliefTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=${relief.test.smtp-port:3025}"})
class OutboxMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    OutboxWorker worker;

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

    @Autowired
    ClinicSettings settings;

    @Autowired
    Consents consents;

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
        clinicDetails = settings.current().details();
        worker.sendDue(); // earlier tests' rows
        smtp.reset();
    }

    @Test
    void sendsTheConfirmationOnceWithoutServiceOrHealthDetails() throws Exception {
        UUID patient = pregnantPatient("es");
        booking.book(new BookAppointment(
                patient,
                "prenatal",
                60,
                fixture.at(day, "10:00"),
                Optional.of(therapist),
                Appointment.Source.ONLINE,
                UUID.randomUUID(),
                null));

        assertThat(worker.sendDue()).isEqualTo(1);
        assertThat(worker.sendDue()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        String text = received[0].getSubject() + "\n" + GreenMailUtil.getBody(received[0]);
        assertThat(text)
                .contains("Rosa")
                .contains("Massage Revolution")
                .doesNotContainIgnoringCase("prenatal")
                .doesNotContainIgnoringCase("sciatica")
                .doesNotContainIgnoringCase("embarazada")
                .doesNotContain("Tester");
    }

    @Test
    void queuesAReminderForLaterAndVoidsItWhenCancelled() {
        Appointment appointment = bookOnline(pregnantPatient("en"), "swedish", "11:00");
        assertThat(kinds(appointment)).containsExactlyInAnyOrder("CONFIRMATION", "REMINDER");

        book.cancel(appointment.id());
        worker.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(jdbc.sql("select count(*) from booking_outbox where appointment_id = :id and kind = 'REMINDER'"
                                + " and voided_at is not null")
                        .param("id", appointment.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void writesNoEmailForABookingThatLost() {
        UUID patient = pregnantPatient("en");
        bookOnline(fixture.patient(), "swedish", "12:00");

        assertThatThrownBy(() -> bookOnline(patient, "swedish", "12:00")).isInstanceOf(SlotTaken.class);
        assertThat(jdbc.sql("select count(*) from booking_outbox o join patient p on p.email = o.recipient"
                                + " where p.id = :p")
                        .param("p", patient)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void keepsTheEmailAndRetriesLaterWhenTheMailServerIsDown() {
        Appointment appointment = bookOnline(pregnantPatient("en"), "swedish", "14:00");
        smtp.stop();

        assertThat(worker.sendDue()).isZero();

        assertThat(jdbc.sql("select attempts from booking_outbox where appointment_id = :id and kind = 'CONFIRMATION'")
                        .param("id", appointment.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select send_after > :now from booking_outbox where appointment_id = :id"
                                + " and kind = 'CONFIRMATION'")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", appointment.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void attachesACalendarInvitationThatNamesOnlyTheClinicAndUpdatesItWhenTheTimeChanges() throws Exception {
        Appointment appointment = bookOnline(pregnantPatient("en"), "prenatal", "15:00");
        book.reschedule(appointment.id(), fixture.at(day, "13:00"), therapist);
        worker.sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        Calendar first = invitation(received[0]);
        Calendar changed = invitation(received[1]);
        assertThat(received[1].getSubject()).startsWith("Changed");

        VEvent booked =
                first.getComponent(Component.VEVENT).map(VEvent.class::cast).orElseThrow();
        VEvent moved =
                changed.getComponent(Component.VEVENT).map(VEvent.class::cast).orElseThrow();
        assertThat(first.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(inlineInvitationType(received[1])).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(moved.getUid()).isEqualTo(booked.getUid());
        assertThat(moved.getSequence().getSequenceNo())
                .isGreaterThan(booked.getSequence().getSequenceNo());
        assertThat(Instant.from(moved.getDateTimeStart().getDate())).isEqualTo(fixture.at(day, "13:00"));
        String summary = moved.getSummary().getValue();
        assertThat(summary).isEqualTo("Massage Revolution").doesNotContainIgnoringCase("prenatal");
        assertThat(changed.toString()).doesNotContain("Rosa").doesNotContainIgnoringCase("sciatica");
    }

    @Test
    void cancellationCarriesACancelOfTheSameEvent() throws Exception {
        Appointment appointment = bookOnline(pregnantPatient("es"), "swedish", "09:00");
        book.cancel(appointment.id());
        worker.sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        Calendar cancel = invitation(received[1]);
        assertThat(cancel.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(inlineInvitationType(received[1])).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
        assertThat(cancel.getComponent(Component.VEVENT)
                        .map(VEvent.class::cast)
                        .orElseThrow()
                        .getUid()
                        .orElseThrow()
                        .getValue())
                .isEqualTo(appointment.id() + "@relief");
    }

    @Test
    void aReminderIsWrittenWhenItLeavesWithTheClinicsAndThePatientsDetailsOfThatDay() throws Exception {
        UUID patient = pregnantPatient("en");
        Appointment appointment = bookOnline(patient, "prenatal", "10:00");
        assertThat(words(appointment, "REMINDER"))
                .as("queued without its words")
                .isEqualTo("null|null");

        // Weeks later the clinic has moved, and the patient's record has a new first name and address.
        ClinicDetails before = settings.current().details();
        settings.edit(
                settings.current().version(),
                ClinicMoves.movedTo(settings, "12 Moved Avenue", "(213) 555-0177"),
                "owner@example.com");
        String address = "rosalind-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        jdbc.sql("update patient set first_name = 'Rosalind', email = :e where id = :id")
                .param("e", address)
                .param("id", patient)
                .update();
        dueNow(appointment, "REMINDER");
        worker.sendDue();

        List<MimeMessage> toNewAddress = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(address))
                .toList();
        assertThat(toNewAddress).hasSize(1);
        MimeMessage reminder = toNewAddress.get(0);
        assertThat(reminder.getSubject()).startsWith("Reminder");
        assertThat(GreenMailUtil.getBody(reminder))
                .contains("Rosalind", "12 Moved Avenue", "(213) 555-0177", "/manage?token=")
                .doesNotContain(before.street(), before.phoneDisplay())
                .doesNotContainIgnoringCase("prenatal")
                .doesNotContainIgnoringCase("sciatica");
        VEvent event = invitation(reminder)
                .getComponent(Component.VEVENT)
                .map(VEvent.class::cast)
                .orElseThrow();
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                .startsWith("12 Moved Avenue");
        assertThat(event.getSequence().getSequenceNo()).isZero();
        // The outbox keeps what left, and where it went.
        assertThat(jdbc.sql("select recipient from booking_outbox where appointment_id = :id and kind = 'REMINDER'")
                        .param("id", appointment.id())
                        .query(String.class)
                        .single())
                .isEqualTo(address);
        assertThat(words(appointment, "REMINDER")).contains("12 Moved Avenue").doesNotContain("null");
    }

    @Test
    void aReminderThatShouldNoLongerLeaveIsVoidedNotWritten() {
        UUID patient = pregnantPatient("es");
        Appointment appointment = bookOnline(patient, "swedish", "10:00");
        consents.recordEmail(patient, false, "patient");
        dueNow(appointment, "REMINDER");

        worker.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1); // the confirmation
        assertThat(jdbc.sql("select voided_at is not null and body is null from booking_outbox"
                                + " where appointment_id = :id and kind = 'REMINDER'")
                        .param("id", appointment.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    /** Every test leaves the clinic's details as it found them, so the other tests see the usual clinic. */
    @AfterEach
    void restoreTheClinicsDetails() {
        ClinicMoves.restore(settings, clinicDetails);
    }

    /** The e-mail's subject and body as the outbox holds them, "subject|body" ("null" for none). */
    private String words(Appointment appointment, String kind) {
        return jdbc.sql("select coalesce(subject, 'null') || '|' || coalesce(body, 'null') from booking_outbox"
                        + " where appointment_id = :id and kind = :kind")
                .param("id", appointment.id())
                .param("kind", kind)
                .query(String.class)
                .single();
    }

    /** Makes the e-mail due at the clock's instant: the clock does not travel to the day before the visit. */
    private void dueNow(Appointment appointment, String kind) {
        jdbc.sql("update booking_outbox set send_after = :now where appointment_id = :id and kind = :kind")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", appointment.id())
                .param("kind", kind)
                .update();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    /**
     * The MIME type of the invitation that calendar apps read (iMIP): the alternative to the text in the body, beside
     * the attached file.
     */
    private static String inlineInvitationType(MimeMessage message) throws Exception {
        Multipart body =
                (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        assertThat(body.getContentType()).startsWith("multipart/alternative");
        assertThat(body.getBodyPart(0).getContentType()).startsWith("text/plain");
        return body.getBodyPart(1).getContentType();
    }

    /** The .ics attachment, parsed back with ical4j. */
    private static Calendar invitation(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if ("appointment.ics".equals(part.getFileName())) {
                try (InputStream in = part.getInputStream()) {
                    return new CalendarBuilder().build(in);
                }
            }
        }
        throw new AssertionError("No appointment.ics in " + message.getSubject());
    }

    /** The patient's online booking of a 60-minute {@code service} with the test's therapist at {@code time} today. */
    private Appointment bookOnline(UUID patient, String service, String time) {
        return booking.book(new BookAppointment(
                patient,
                service,
                60,
                fixture.at(day, time),
                Optional.of(therapist),
                Appointment.Source.ONLINE,
                null,
                null));
    }

    private UUID pregnantPatient(String language) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID id = patients.findOrCreate(
                        new NewPatient("Rosa", "Tester" + tag, null, tag + "@example.com", null, language))
                .id();
        patients.recordIntake(id, new Intake("sciatica", null, null, null, true, true, true), "patient@example.com");
        return id;
    }

    private List<String> kinds(Appointment appointment) {
        return jdbc.sql("select kind from booking_outbox where appointment_id = :id")
                .param("id", appointment.id())
                .query(String.class)
                .list();
    }
}
