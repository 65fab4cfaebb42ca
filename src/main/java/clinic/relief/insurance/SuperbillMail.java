package clinic.relief.insurance;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.mail.Mail;
import clinic.relief.patients.Patient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails a claim's superbill to the client through booking's outbox, for clients who claim out-of-network benefits
 * themselves. The PDF is attached; the subject and body name only the clinic and the client's first name, never a
 * code, a diagnosis or a service. Recorded in the clinical audit trail as an export (through {@link ClaimFiles}).
 */
@Service
class SuperbillMail {

    private final ClaimFiles files;
    private final Mail mail;
    private final MessageSource messages;
    private final ClinicProfile clinic;

    SuperbillMail(ClaimFiles files, Mail mail, MessageSource messages, ClinicProfile clinic) {
        this.files = files;
        this.mail = mail;
        this.messages = messages;
        this.clinic = clinic;
    }

    /** Queues the e-mail; a client without an e-mail address is a {@link NoEmailAddress}, with nothing written. */
    @Transactional
    public boolean send(UUID claimId) {
        ClaimPacket packet = files.packetOf(claimId);
        Patient patient = packet.patient();
        if (patient.email() == null) {
            throw new NoEmailAddress();
        }
        Locale locale = patient.locale();
        String subject = messages.getMessage("insurance.mail.superbillSubject", new Object[] {clinic.name()}, locale);
        String body = messages.getMessage(
                "insurance.mail.superbillBody",
                new Object[] {patient.firstName(), clinic.name(), clinic.phoneDisplay()},
                locale);
        return mail.queueDocument(
                patient.id(),
                subject,
                body,
                new Mail.Attachment(
                        "superbill-" + packet.claim().claimId() + ".pdf",
                        "application/pdf",
                        SuperbillPdf.render(packet, files.clientPaid(packet.claim()))));
    }

    /** The client has no e-mail address to send to; thrown inside the transaction so the audit row rolls back. */
    static class NoEmailAddress extends RuntimeException {

        NoEmailAddress() {
            super("The client has no e-mail address");
        }
    }
}
