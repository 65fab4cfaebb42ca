package clinic.relief.payments;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.mail.Mail;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of membership autopay, queued in the caller's transaction: a failed charge (with an "update your card"
 * link and the next try) and the pause after the last retry (a payment the bank wants confirmed is asked by
 * {@link AuthenticationLinks}). They name the amount and the membership, nothing else about the patient.
 */
@Component
class DuesMail {

    private final Mail mail;
    private final Patients patients;
    private final CardLinks cardLinks;
    private final MessageSource messages;
    private final String siteUrl;

    DuesMail(
            Mail mail,
            Patients patients,
            CardLinks cardLinks,
            MessageSource messages,
            @Value("${relief.site-url}") String siteUrl) {
        this.mail = mail;
        this.patients = patients;
        this.cardLinks = cardLinks;
        this.messages = messages;
        this.siteUrl = siteUrl;
    }

    /** The charge was declined; {@code nextTry} is the date of the next attempt as the patient reads it. */
    void declined(UUID patientId, Money amount, String nextTry) {
        send(patientId, "payments.dues.declined", amount, cardLinks.issue(patientId, siteUrl), nextTry);
    }

    /** The last retry failed: the membership is paused until paid. */
    void paused(UUID patientId, Money amount) {
        send(patientId, "payments.dues.paused", amount, cardLinks.issue(patientId, siteUrl), "");
    }

    private void send(UUID patientId, String key, Money amount, String link, String nextTry) {
        Patient patient = patients.get(patientId);
        if (patient.email() == null || patient.email().isBlank()) {
            return;
        }
        Locale locale = patient.locale();
        mail.queue(
                "MEMBERSHIP_DUES",
                patient.email(),
                messages.getMessage(key + ".subject", null, locale),
                messages.getMessage(
                        key + ".body",
                        new Object[] {patient.firstName(), amount.format(locale), link, nextTry},
                        locale));
    }
}
