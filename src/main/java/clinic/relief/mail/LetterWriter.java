package clinic.relief.mail;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an e-mail about an appointment when it leaves, for one module's kinds of letters queued unwritten
 * ({@link Mail.Unwritten}): a reminder queued weeks ahead then carries the clinic's and the patient's details of the
 * day it is sent, not of the day it was booked. {@link OutboxWorker} calls it just before sending, in a transaction
 * of its own; what it returns is stored on the row and sent. The same rule as for every e-mail: nothing medical.
 */
public interface LetterWriter {

    /** The kinds of e-mail this writer writes. */
    Set<String> kinds();

    /** The e-mail as it should leave now; empty when it should no longer leave (the row is then voided). */
    Optional<Written> write(String kind, UUID appointmentId);

    /** A written e-mail: to the patient's address of today, with its file. */
    record Written(String recipient, String subject, String body, Mail.Attachment attachment) {

        public Written {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(attachment, "attachment");
        }
    }
}
