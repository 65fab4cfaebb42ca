package clinic.relief.booking.letters;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mails of a booking request: received, declined, and lapsed (nobody could confirm it in time). Like {@link Letters} they carry the time, the
 * place and the first name at most: never a service name or anything medical, least of all in the subject.
 */
@Component
public class ApprovalLetters {

    private final MessageSource messages;
    private final ClinicProfile clinic;

    ApprovalLetters(MessageSource messages, ClinicProfile clinic) {
        this.messages = messages;
        this.clinic = clinic;
    }

    /** The request is received; {@code manageLink} opens it (to see it or withdraw it, and later the visit). */
    public Letters.Letter received(Patient patient, Instant start, String manageLink) {
        return write("booking.mail.requestReceived", patient, start, "", manageLink);
    }

    /**
     * A request nobody could confirm before its time came too near: as polite as a decline, with no reason. When
     * the request came from a waitlist offer and the patient's place there is kept, the letter says so.
     */
    public Letters.Letter lapsed(Patient patient, Instant start, boolean waitingAgain) {
        return write("booking.mail.requestLapsed", patient, start, kept(patient, waitingAgain));
    }

    /** A decline; the front desk's reason, if any, is quoted in the body only, then whether a waitlist place is kept. */
    public Letters.Letter declined(Patient patient, Instant start, String reason, boolean waitingAgain) {
        Locale locale = patient.locale();
        String quoted = reason == null || reason.isBlank()
                ? ""
                : messages.getMessage("booking.mail.requestDeclined.reason", new Object[] {reason.strip()}, locale);
        return write("booking.mail.requestDeclined", patient, start, quoted + kept(patient, waitingAgain));
    }

    private String kept(Patient patient, boolean waitingAgain) {
        return waitingAgain ? messages.getMessage("booking.mail.waitlistKept", null, patient.locale()) : "";
    }

    private Letters.Letter write(String key, Patient patient, Instant start, String extra) {
        return write(key, patient, start, extra, "");
    }

    private Letters.Letter write(String key, Patient patient, Instant start, String extra, String manageLink) {
        Locale locale = patient.locale();
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone())
                .format(start);
        String subject = messages.getMessage(key + ".subject", new Object[] {clinic.shortName(), when}, locale);
        String body = messages.getMessage(
                key + ".body",
                new Object[] {patient.firstName(), clinic.name(), when, extra, clinic.phoneDisplay(), manageLink},
                locale);
        return new Letters.Letter(subject, body);
    }
}
