package clinic.relief.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.mail.OutboxStore.Due;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox emails by SMTP. Each row stays locked ({@code FOR UPDATE SKIP LOCKED}) from pick-up to being
 * marked sent, so concurrent workers on several instances never send it twice; a failure retries with a doubling
 * back-off. A letter queued unwritten is first written by its kind's {@link LetterWriter}. Without a configured mail
 * server (the demo default) it sends nothing and the rows wait, unwritten ones too.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 8;

    private final OutboxStore outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate transactions;
    private final ClinicProfile clinic;
    private final Clock clock;
    private final Map<String, LetterWriter> writers;

    OutboxWorker(
            OutboxStore outbox,
            List<LetterWriter> writers,
            ObjectProvider<JavaMailSender> mail,
            TransactionTemplate transactions,
            ClinicProfile clinic,
            Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.transactions = transactions;
        this.clinic = clinic;
        this.clock = clock;
        this.writers = writers.stream()
                .flatMap(writer -> writer.kinds().stream().map(kind -> Map.entry(kind, writer)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Sends what is due now, as the schedule does every few seconds; returns how many were sent. */
    public int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        writeDue();
        Integer sent = transactions.execute(
                tx -> due().stream().mapToInt(row -> send(sender, row)).sum());
        return sent == null ? 0 : sent;
    }

    /**
     * Gives the unwritten e-mails that are due their words (or voids those that should no longer leave), each in a
     * transaction of its own: one that cannot be written waits and retries as a failed send does, holding up no other.
     */
    private void writeDue() {
        List<OutboxStore.ToWrite> due =
                transactions.execute(tx -> outbox.unwrittenDue(clock.instant(), MAX_ATTEMPTS, BATCH));
        for (OutboxStore.ToWrite row : due == null ? List.<OutboxStore.ToWrite>of() : due) {
            try {
                transactions.executeWithoutResult(tx -> {
                    if (outbox.lockUnwritten(row.id())) {
                        write(row);
                    }
                });
            } catch (RuntimeException failed) {
                // The row's id and the error's name only: a letter's words may not reach the logs.
                log.warn(
                        "E-mail {} could not be written: {}",
                        row.id(),
                        failed.getClass().getSimpleName());
                transactions.executeWithoutResult(tx -> outbox.markFailed(
                        row.id(),
                        clock.instant().plus(backOff(row.attempts())),
                        failed.getClass().getSimpleName()));
            }
        }
    }

    private void write(OutboxStore.ToWrite row) {
        LetterWriter writer = writers.get(row.kind());
        if (writer == null) {
            throw new IllegalStateException("No letter writer for " + row.kind());
        }
        writer.write(row.kind(), row.appointmentId())
                .ifPresentOrElse(
                        letter -> outbox.write(row.id(), letter), () -> outbox.voidOne(row.id(), clock.instant()));
    }

    private static Duration backOff(int attempts) {
        return Duration.ofMinutes(1L << Math.min(attempts, 10));
    }

    private List<Due> due() {
        return outbox.lockDue(clock.instant(), MAX_ATTEMPTS, BATCH);
    }

    /** The contact e-mail the owner set (clinic settings): patients' replies go there, not to the sending address. */
    private Optional<String> replyTo() {
        return Optional.of(clinic.contactEmail()).filter(address -> !address.isEmpty());
    }

    private SimpleMailMessage simple(Due row) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(clinic.email());
        replyTo().ifPresent(message::setReplyTo);
        message.setTo(row.recipient());
        message.setSubject(row.subject());
        message.setText(row.body());
        return message;
    }

    private MimeMessage withAttachment(JavaMailSender sender, Due row) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(clinic.email());
        if (replyTo().isPresent()) {
            helper.setReplyTo(replyTo().get());
        }
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.body());
        helper.addAttachment(row.attachmentName(), new ByteArrayResource(row.attachment()), row.attachmentType());
        return message;
    }

    /**
     * An e-mail with a calendar invitation, built as calendar apps expect one (iMIP, RFC 6047): the text and the
     * invitation as alternatives of one body, its MIME type naming the iTIP method ({@code method=REQUEST} or
     * {@code CANCEL}), so Gmail and Outlook show an invitation; the same file attached too, for everything else.
     */
    private MimeMessage withInvitation(JavaMailSender sender, Due row) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        helper.setFrom(clinic.email());
        if (replyTo().isPresent()) {
            helper.setReplyTo(replyTo().get());
        }
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(row.body(), "UTF-8");
        MimeBodyPart invitation = new MimeBodyPart();
        invitation.setDataHandler(new DataHandler(new ByteArrayDataSource(row.attachment(), row.attachmentType())));
        invitation.setHeader("Content-Type", row.attachmentType());
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", text, invitation));
        helper.getRootMimeMultipart().addBodyPart(body);
        helper.addAttachment(row.attachmentName(), new ByteArrayResource(row.attachment()), row.attachmentType());
        return message;
    }

    private int send(JavaMailSender sender, Due row) {
        Instant now = clock.instant();
        try {
            if (row.attachment() == null) {
                sender.send(simple(row));
            } else if (row.attachmentType().startsWith("text/calendar")) {
                sender.send(withInvitation(sender, row));
            } else {
                sender.send(withAttachment(sender, row));
            }
            outbox.markSent(row.id(), now);
            return 1;
        } catch (MailException | MessagingException failed) {
            outbox.markFailed(
                    row.id(),
                    now.plus(backOff(row.attempts())),
                    failed.getClass().getSimpleName());
            return 0;
        }
    }
}
