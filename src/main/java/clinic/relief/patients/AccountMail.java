package clinic.relief.patients;

import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.mail.Mail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues this module's account links (confirmation, password reset) in the outbox, in the transaction of the request
 * that made the token. Like every patient e-mail, they say the first name at most: nothing medical.
 */
@Component
class AccountMail {

    private final Mail mail;
    private final MessageSource messages;
    private final ClinicProfile clinic;
    private final String siteUrl;

    AccountMail(Mail mail, MessageSource messages, ClinicProfile clinic, @Value("${relief.site-url}") String siteUrl) {
        this.mail = mail;
        this.messages = messages;
        this.clinic = clinic;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    @EventListener
    void on(AccountConfirmationRequested requested) {
        queue(
                "VERIFY_ACCOUNT",
                "portal.mail.confirmAccount",
                requested.email(),
                requested.firstName(),
                requested.language(),
                siteUrl + "/account/verify?token=" + requested.token(),
                requested.validFor().toHours());
    }

    @EventListener
    void on(PasswordResetRequested requested) {
        queue(
                "PASSWORD_RESET",
                "portal.mail.resetPassword",
                requested.email(),
                requested.firstName(),
                requested.language(),
                siteUrl + "/account/reset?token=" + requested.token(),
                requested.validFor().toMinutes());
    }

    @EventListener
    void on(SignUpForKnownAddress signUp) {
        queue(
                "ACCOUNT_EXISTS",
                "portal.mail.accountExists",
                signUp.email(),
                signUp.firstName(),
                signUp.language(),
                siteUrl + "/account/login",
                0);
    }

    private void queue(
            String kind, String key, String email, String firstName, String language, String link, long valid) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        Object[] args = {firstName, clinic.name(), "", link, valid, clinic.phoneDisplay()};
        mail.queue(
                kind,
                email,
                messages.getMessage(key + ".subject", new Object[] {clinic.shortName(), ""}, locale),
                messages.getMessage(key + ".body", args, locale));
    }
}
