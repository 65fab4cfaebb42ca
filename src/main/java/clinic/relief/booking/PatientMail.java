package clinic.relief.booking;

import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.booking.Schedules.utc;

/**
 * Lets another module queue an e-mail about an appointment in booking's outbox, in the caller's transaction, so that
 * the outbox worker sends it like booking's own letters. The subject and body must carry nothing medical.
 */
@Component
public class PatientMail {

    private final JdbcClient jdbc;
    private final Clock clock;

    PatientMail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues one e-mail of the given outbox {@code kind} (the table lists the kinds it accepts), to send now. */
    public void queue(String kind, UUID appointmentId, String recipient, String subject, String body) {
        jdbc.sql("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after)
                values (:id, :kind, :appointment, :to, :subject, :body, :now, :now)""")
                .param("id", UUID.randomUUID()).param("kind", kind).param("appointment", appointmentId)
                .param("to", recipient).param("subject", subject).param("body", body)
                .param("now", utc(clock.instant())).update();
    }
}
