package clinic.relief.payments;

import java.time.Clock;
import java.time.Duration;
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
 * E-mails the patient a link to confirm a payment their bank wants authenticated, in the caller's transaction: a
 * random token (only its SHA-256 stored) that works for {@link #LASTS}. The e-mail, in the patient's language, names
 * the amount and what kind of payment it is (membership, fee, visit), nothing else about them.
 */
@Component
class AuthenticationLinks {

    static final Duration LASTS = Duration.ofDays(14);

    private final AuthenticationLinkStore store;
    private final CardLinks tokens;
    private final Mail mail;
    private final Patients patients;
    private final MessageSource messages;
    private final Clock clock;
    private final String siteUrl;

    AuthenticationLinks(
            AuthenticationLinkStore store,
            CardLinks tokens,
            Mail mail,
            Patients patients,
            MessageSource messages,
            Clock clock,
            @Value("${relief.site-url}") String siteUrl) {
        this.store = store;
        this.tokens = tokens;
        this.mail = mail;
        this.patients = patients;
        this.messages = messages;
        this.clock = clock;
        this.siteUrl = siteUrl;
    }

    /** Issues a link to the subject's payment and e-mails it; false (no link) when the patient has no e-mail. */
    boolean ask(AuthenticationSubject.Kind kind, UUID subjectId, UUID patientId, Money amount) {
        Patient patient = patients.get(patientId);
        if (patient.email() == null || patient.email().isBlank()) {
            return false;
        }
        String token = tokens.token();
        store.insert(
                CardLinks.hash(token),
                kind,
                subjectId,
                patientId,
                clock.instant(),
                clock.instant().plus(LASTS));
        Locale locale = patient.locale();
        String key = "payments." + kind.label() + ".authenticate";
        mail.queue(
                kind == AuthenticationSubject.Kind.DUES ? "MEMBERSHIP_DUES" : "PAYMENT_CONFIRM",
                patient.email(),
                messages.getMessage(key + ".subject", null, locale),
                messages.getMessage(
                        key + ".body",
                        new Object[] {
                            patient.firstName(), amount.format(locale), siteUrl + kind.path() + "?token=" + token
                        },
                        locale));
        return true;
    }

    /** Whether the patient was sent a link for the subject. */
    boolean sent(AuthenticationSubject.Kind kind, UUID subjectId) {
        return store.issued(kind, subjectId);
    }
}
