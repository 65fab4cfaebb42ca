package clinic.relief.booking;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Lets other modules e-mail a patient through booking's outbox: a document (a receipt, an invoice) or a letter about
 * an appointment (the relief guarantee's offer). The row is written in the caller's transaction and sent by
 * {@link OutboxWorker} after it commits, with the same retry and once-only guarantees as booking's own e-mails. The
 * subject and body must say nothing medical.
 */
@Service
public class PatientMail {

    private final JdbcClient jdbc;
    private final Patients patients;
    private final Clock clock;

    PatientMail(JdbcClient jdbc, Patients patients, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.clock = clock;
    }

    /** A file to attach. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Queues the e-mail; false (and nothing queued) when the patient has no e-mail address. */
    public boolean queueDocument(UUID patientId, String subject, String body, Attachment attachment) {
        Patient patient = patients.get(patientId);
        if (patient.email() == null) {
            return false;
        }
        jdbc.sql("""
                insert into booking_outbox (id, kind, recipient, subject, body, created_at, send_after,
                    attachment_name, attachment_type, attachment)
                values (:id, 'DOCUMENT', :to, :subject, :body, :now, :now, :name, :type, :content)""")
                .param("id", UUID.randomUUID()).param("to", patient.email()).param("subject", subject)
                .param("body", body).param("now", utc(clock.instant())).param("name", attachment.fileName())
                .param("type", attachment.contentType()).param("content", attachment.content()).update();
        return true;
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
