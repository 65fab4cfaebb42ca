package clinic.relief.patients;

import java.time.Duration;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.mail.Mail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The intake form's e-mails, queued in the caller's transaction: the link to fill it in, and the PDF copy of a signed
 * form. Like every patient e-mail they carry the first name at most and nothing medical, in subject or body.
 */
@Component
class IntakeFormMail {

    static final String LINK_KIND = "INTAKE_LINK";

    private final Mail mail;
    private final MessageSource messages;
    private final ClinicProfile clinic;
    private final String siteUrl;

    IntakeFormMail(
            Mail mail, MessageSource messages, ClinicProfile clinic, @Value("${relief.site-url}") String siteUrl) {
        this.mail = mail;
        this.messages = messages;
        this.clinic = clinic;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    void link(Patient patient, String token, Duration validFor) {
        Locale locale = patient.locale();
        Object[] args = {
            patient.firstName(),
            clinic.name(),
            siteUrl + "/intake?token=" + token,
            validFor.toDays(),
            clinic.phoneDisplay()
        };
        mail.queue(
                LINK_KIND,
                patient.email(),
                messages.getMessage("intake.mail.link.subject", new Object[] {clinic.shortName()}, locale),
                messages.getMessage("intake.mail.link.body", args, locale));
    }

    void copy(Patient patient, byte[] pdf) {
        Locale locale = patient.locale();
        mail.queueDocument(
                patient.id(),
                messages.getMessage("intake.mail.copy.subject", new Object[] {clinic.shortName()}, locale),
                messages.getMessage("intake.mail.copy.body", new Object[] {patient.firstName(), clinic.name()}, locale),
                new Mail.Attachment(
                        messages.getMessage("intake.mail.copy.file", null, locale) + ".pdf", "application/pdf", pdf));
    }
}
