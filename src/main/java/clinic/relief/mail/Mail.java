package clinic.relief.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Queues e-mails to patients: a document (a receipt, an invoice), an account or booking link, or a letter about an
 * appointment. Each row is written in the caller's transaction, so a change that rolls back leaves no e-mail and a
 * crash after the commit loses none; {@link OutboxWorker} sends it after the commit, once, retrying with a back-off.
 * {@code kind} is one of the kinds the outbox table accepts. Subjects and bodies must say nothing medical. Thread-safe.
 */
@Service
public class Mail {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Recipients recipients;
    private final Clock clock;
    private final OutboxStore outbox;

    Mail(JdbcClient jdbc, JdbcTemplate batch, Recipients recipients, Clock clock, OutboxStore outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.batch = batch;
        this.recipients = recipients;
        this.clock = clock;
    }

    /**
     * An e-mail as the patient chart lists it: when it was queued, its kind, its subject (never medical, by the rule
     * above) and whether it was sent, is queued, failing or voided. No body, no recipient.
     */
    public record Sent(Instant at, String kind, String subject, String state) {}

    /** The newest {@code limit} e-mails to this address, newest first. */
    @Transactional(readOnly = true)
    public List<Sent> sentTo(String recipient, int limit) {
        return outbox.to(recipient, limit);
    }

    /** A file to attach. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    /** An e-mail about one appointment, with a file (its calendar entry), that may leave from {@code sendAfter}. */
    public record AppointmentLetter(
            String kind,
            UUID appointmentId,
            String recipient,
            String subject,
            String body,
            Instant sendAfter,
            Attachment attachment) {

        public AppointmentLetter {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(sendAfter, "sendAfter");
            Objects.requireNonNull(attachment, "attachment");
        }
    }

    /** Queues a document to the patient, to send now; false (and nothing queued) when they have no e-mail address. */
    public boolean queueDocument(UUID patientId, String subject, String body, Attachment attachment) {
        Optional<String> email = recipients.emailOf(patientId);
        if (email.isEmpty()) {
            return false;
        }
        jdbc.sql("""
                insert into booking_outbox (id, kind, recipient, subject, body, created_at, send_after,
                    attachment_name, attachment_type, attachment)
                values (:id, 'DOCUMENT', :to, :subject, :body, :now, :now, :name, :type, :content)""")
                .param("id", UUID.randomUUID())
                .param("to", email.get())
                .param("subject", subject)
                .param("body", body)
                .param("now", utc(clock.instant()))
                .param("name", attachment.fileName())
                .param("type", attachment.contentType())
                .param("content", attachment.content())
                .update();
        return true;
    }

    /** Queues one e-mail about an appointment, to send now. */
    public void queue(String kind, UUID appointmentId, String recipient, String subject, String body) {
        insert(kind, appointmentId, recipient, subject, body);
    }

    /** Queues one e-mail that is about no appointment (an account link, a waitlist offer), to send now. */
    public void queue(String kind, String recipient, String subject, String body) {
        insert(kind, null, recipient, subject, body);
    }

    private void insert(String kind, @Nullable UUID appointmentId, String recipient, String subject, String body) {
        jdbc.sql("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after)
                values (:id, :kind, :appointment, :to, :subject, :body, :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("kind", kind)
                .param("appointment", appointmentId)
                .param("to", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("now", utc(clock.instant()))
                .update();
    }

    /** Queues letters about appointments, each with its file, in one round trip. */
    public void queueAll(List<AppointmentLetter> letters) {
        OffsetDateTime now = utc(clock.instant());
        List<Object[]> rows = letters.stream()
                .map(letter -> new Object[] {
                    UUID.randomUUID(),
                    letter.kind(),
                    letter.appointmentId(),
                    letter.recipient(),
                    letter.subject(),
                    letter.body(),
                    now,
                    utc(letter.sendAfter()),
                    letter.attachment().fileName(),
                    letter.attachment().contentType(),
                    letter.attachment().content()
                })
                .toList();
        batch.batchUpdate("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after,
                    attachment_name, attachment_type, attachment)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    /** How many e-mails of these kinds were ever queued about the appointment, sent, waiting or voided. */
    public int countQueued(UUID appointmentId, Collection<String> kinds) {
        return jdbc.sql("select count(*) from booking_outbox where appointment_id = :id and kind in (:kinds)")
                .param("id", appointmentId)
                .param("kinds", kinds)
                .query(Integer.class)
                .single();
    }

    /** Voids the appointment's e-mails of this kind that have not left yet, so they never will. */
    public void voidUnsent(UUID appointmentId, String kind) {
        jdbc.sql("""
                update booking_outbox set voided_at = :now where appointment_id = :id and kind = :kind
                    and sent_at is null and voided_at is null""")
                .param("now", utc(clock.instant()))
                .param("id", appointmentId)
                .param("kind", kind)
                .update();
    }

    /** Deletes every e-mail about these appointments, sent or not, for appointments that are being deleted. */
    public void discardAbout(Collection<UUID> appointmentIds) {
        if (!appointmentIds.isEmpty()) {
            jdbc.sql("delete from booking_outbox where appointment_id in (:ids)")
                    .param("ids", appointmentIds)
                    .update();
        }
    }
}
