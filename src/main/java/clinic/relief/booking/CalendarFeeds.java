package clinic.relief.booking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.booking.Schedules.utc;

/**
 * Therapists' private iCalendar feeds (RFC 5545, written directly: a handful of fields needs no library). An event
 * names the patient by first name and initial and the clinic's address: no service, no health details.
 */
@Component
class CalendarFeeds {

    private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final Patients patients;
    private final ClinicProfile clinic;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Appointments appointments, Patients patients, ClinicProfile clinic, Clock clock) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.patients = patients;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** A new secret token for the therapist's feed; the previous one stops working. */
    String renew(UUID therapist) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into booking_calendar_feed (therapist_id, token, created_at) values (:t, :token, :now)
                on conflict (therapist_id) do update set token = excluded.token, created_at = excluded.created_at
                """).param("t", therapist).param("token", token).param("now", utc(clock.instant())).update();
        return token;
    }

    Optional<String> token(UUID therapist) {
        return jdbc.sql("select token from booking_calendar_feed where therapist_id = :t").param("t", therapist)
                .query(String.class).optional();
    }

    /** The feed for this token: the last 30 and next 90 days; empty for an unknown token. */
    Optional<String> feed(String token) {
        return jdbc.sql("select therapist_id from booking_calendar_feed where token = :token").param("token", token)
                .query(UUID.class).optional().map(this::calendar);
    }

    private String calendar(UUID therapist) {
        Instant now = clock.instant();
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Relief//Booking//EN\r\n"
                + "CALSCALE:GREGORIAN\r\n");
        String location = clinic.address().street() + ", " + clinic.address().city();
        for (Appointment.Stored a : appointments.starting(new TimeRange(now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(90))), therapist)) {
            if (a.status() == AppointmentStatus.CANCELLED) {
                continue;
            }
            ics.append("BEGIN:VEVENT\r\n")
                    .append("UID:").append(a.id()).append("@relief\r\n")
                    .append("DTSTAMP:").append(ICS_TIME.format(now)).append("\r\n")
                    .append("DTSTART:").append(ICS_TIME.format(a.start())).append("\r\n")
                    .append("DTEND:").append(ICS_TIME.format(a.end())).append("\r\n")
                    .append("SUMMARY:").append(text(patients.get(a.patientId()).shortName())).append("\r\n")
                    .append("LOCATION:").append(text(location)).append("\r\n")
                    .append("END:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    /** Escapes an RFC 5545 TEXT value (long lines are left unfolded: these stay short). */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
