package clinic.relief.booking.letters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitations of a booking, its move and its cancellation are iTIP messages (RFC 5546) that two readers accept:
 * ical4j's own iTIP validation (a calendar's {@code validate()} applies the rules of its METHOD), and Debian's python3-icalendar (a reader this project did not write), run by
 * {@code src/test/itip-reader/check_itip.py}. Without python3-icalendar this test fails: it does not skip.
 */
@ReliefTest
class InvitationReaderTests {

    /** Debian's interpreter, whose packages include python3-icalendar (a Python on the PATH may not). */
    private static final String PYTHON = "/usr/bin/python3";

    private static final Path READER = Path.of("src/test/itip-reader/check_itip.py");

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    BookingTestData data;
    UUID therapist;

    @BeforeEach
    void setUp() {
        data = new BookingTestData(context);
        therapist = data.therapistWithOwnRoom("00:00", "23:45");
    }

    private record Sent(String kind, String contentType, byte[] ics) {}

    @Test
    void aBookingItsMoveAndItsCancellationAreInvitationsBothReadersAccept() throws Exception {
        String email = "itip-" + UUID.randomUUID() + "@example.com";
        UUID patient = patients.findOrCreate(new NewPatient("Ines", "Itip", null, email, null, "es"))
                .id();
        Appointment appointment = booking.book(new BookAppointment(
                patient,
                "prenatal",
                60,
                data.at(data.day(), "10:00"),
                Optional.of(therapist),
                Appointment.Source.ONLINE,
                null,
                null));
        book.reschedule(appointment.id(), data.at(data.day(), "14:00"), therapist);
        book.cancel(appointment.id());

        List<Sent> sent = sent(appointment.id());
        assertThat(sent).extracting(Sent::kind).containsExactly("CONFIRMATION", "CHANGE", "CANCELLATION");
        assertThat(sent)
                .extracting(Sent::contentType)
                .containsExactly(
                        "text/calendar; charset=UTF-8; method=REQUEST",
                        "text/calendar; charset=UTF-8; method=REQUEST",
                        "text/calendar; charset=UTF-8; method=CANCEL");

        List<String> methods = List.of(Method.VALUE_REQUEST, Method.VALUE_REQUEST, Method.VALUE_CANCEL);
        for (int i = 0; i < sent.size(); i++) {
            Calendar calendar = new CalendarBuilder()
                    .build(new ByteArrayInputStream(sent.get(i).ics()));
            VEvent event = calendar.getComponent(Component.VEVENT)
                    .map(VEvent.class::cast)
                    .orElseThrow();
            // ical4j checks a calendar with a METHOD, and each event, by that method's iTIP rules.
            ValidationResult itip = calendar.validate().merge(event.validate(calendar.getMethod()));
            assertThat(itip.hasErrors()).as(sent.get(i).kind() + ": " + itip).isFalse();
            assertThat(calendar.getMethod().getValue()).isEqualTo(methods.get(i));
            assertThat(event.getSummary().getValue()).doesNotContainIgnoringCase("prenatal");
            assertThat(calendar.toString()).doesNotContain("Ines").doesNotContainIgnoringCase("prenatal");
        }

        // The same rules refuse an invitation without its organizer: the validation above is not a formality.
        Calendar request =
                new CalendarBuilder().build(new ByteArrayInputStream(sent.get(0).ics()));
        VEvent withoutOrganizer =
                request.getComponent(Component.VEVENT).map(VEvent.class::cast).orElseThrow();
        withoutOrganizer.remove(withoutOrganizer.getProperty(Property.ORGANIZER).orElseThrow());
        assertThat(request.validate().hasErrors()).isTrue();

        List<String> read = pythonReads(sent);
        String uid = appointment.id() + "@relief";
        assertThat(read)
                .containsExactly(
                        "REQUEST " + uid + " 0 " + data.at(data.day(), "10:00") + " mailto:frontdesk@example.com"
                                + " mailto:" + email,
                        "REQUEST " + uid + " 1 " + data.at(data.day(), "14:00") + " mailto:frontdesk@example.com"
                                + " mailto:" + email,
                        "CANCEL " + uid + " 2 " + data.at(data.day(), "14:00") + " mailto:frontdesk@example.com"
                                + " mailto:" + email);
    }

    /** The letters about the appointment that carry a calendar file, in the order they were queued (no reminders). */
    private List<Sent> sent(UUID appointment) {
        return jdbc.sql("""
                        select kind, attachment_type, attachment from booking_outbox
                        where appointment_id = :id and kind <> 'REMINDER' order by created_at""")
                .param("id", appointment)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    /** What python3-icalendar reads in each file, one line each; the reader's refusal fails the test. */
    private static List<String> pythonReads(List<Sent> sent) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("itip");
        List<String> command = new ArrayList<>(List.of(PYTHON, READER.toString()));
        for (int i = 0; i < sent.size(); i++) {
            Path file = dir.resolve(i + ".ics");
            Files.write(file, sent.get(i).ics());
            command.add(file.toString());
        }
        Process reader = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(reader.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reader.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
