package clinic.relief.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mails to patients: a document (a receipt, an invoice), an account or booking link, or a letter about an
 * appointment. Each row is written in the caller's transaction, so a change that rolls back leaves no e-mail and a
 * crash after the commit loses none; {@link OutboxWorker} sends it after the commit, once, retrying with a back-off.
 * {@code kind} is one of the kinds the outbox table accepts. Subjects and bodies must say nothing medical. Thread-safe.
 */
@Service
public class Mail {

    private final Recipients recipients;
    private final Clock clock;
    private final OutboxStore outbox;

    Mail(Recipients recipients, Clock clock, OutboxStore outbox) {
        this.outbox = outbox;
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

    /**
     * An e-mail about one appointment queued without its words: the {@link LetterWriter} of its {@code kind} writes
     * it when it leaves, from {@code sendAfter}, to the address the patient has then ({@code recipient} is today's).
     */
    public record Unwritten(String kind, UUID appointmentId, String recipient, Instant sendAfter) {

        public Unwritten {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(sendAfter, "sendAfter");
        }
    }

    /** Queues a document to the patient, to send now; false (and nothing queued) when they have no e-mail address. */
    public boolean queueDocument(UUID patientId, String subject, String body, Attachment attachment) {
        Optional<String> email = recipients.emailOf(patientId);
        if (email.isEmpty()) {
            return false;
        }
        outbox.insertDocument(email.get(), subject, body, attachment, clock.instant());
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
        outbox.insert(kind, appointmentId, recipient, subject, body, clock.instant());
    }

    /** Queues letters about appointments, each with its file, and letters to be written later, in one round trip. */
    public void queueAll(List<AppointmentLetter> letters, List<Unwritten> unwritten) {
        outbox.insertAll(letters, unwritten, clock.instant());
    }

    /** How many e-mails of these kinds were ever queued about the appointment, sent, waiting or voided. */
    public int countQueued(UUID appointmentId, Collection<String> kinds) {
        return outbox.countQueued(appointmentId, kinds);
    }

    /** Voids the appointment's e-mails of this kind that have not left yet, so they never will. */
    public void voidUnsent(UUID appointmentId, String kind) {
        outbox.voidUnsent(appointmentId, kind, clock.instant());
    }

    /** Deletes every e-mail about these appointments, sent or not, for appointments that are being deleted. */
    public void discardAbout(Collection<UUID> appointmentIds) {
        if (!appointmentIds.isEmpty()) {
            outbox.deleteAbout(appointmentIds);
        }
    }
}
