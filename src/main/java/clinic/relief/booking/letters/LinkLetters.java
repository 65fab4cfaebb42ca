package clinic.relief.booking.letters;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mails that carry a link: confirm a booking, confirm an account, claim a waitlist offer. Like
 * {@link Letters}, they say time, place and first name at most: never a service name or anything medical.
 */
@Component
public class LinkLetters {

    private final MessageSource messages;
    private final ClinicProfile clinic;
    private final String siteUrl;

    LinkLetters(MessageSource messages, ClinicProfile clinic, @Value("${relief.site-url}") String siteUrl) {
        this.messages = messages;
        this.clinic = clinic;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    public Letters.Letter confirmBooking(
            String firstName, String language, Instant start, String token, Duration valid) {
        Locale locale = locale(language);
        return write(
                "portal.mail.confirmBooking",
                locale,
                firstName,
                when(start, locale),
                siteUrl + "/book/confirm?token=" + token,
                valid.toMinutes());
    }

    Letters.Letter confirmAccount(String firstName, String language, String token, Duration valid) {
        Locale locale = locale(language);
        return write(
                "portal.mail.confirmAccount",
                locale,
                firstName,
                "",
                siteUrl + "/account/verify?token=" + token,
                valid.toHours());
    }

    Letters.Letter resetPassword(String firstName, String language, String token, Duration valid) {
        Locale locale = locale(language);
        return write(
                "portal.mail.resetPassword",
                locale,
                firstName,
                "",
                siteUrl + "/account/reset?token=" + token,
                valid.toMinutes());
    }

    public Letters.Letter waitlistOffer(
            String firstName, String language, Instant start, String token, Duration valid) {
        Locale locale = locale(language);
        return write(
                "portal.mail.waitlistOffer",
                locale,
                firstName,
                when(start, locale),
                siteUrl + "/waitlist/offer?token=" + token,
                valid.toMinutes());
    }

    private Letters.Letter write(String key, Locale locale, String firstName, String when, String link, long valid) {
        Object[] args = {firstName, clinic.name(), when, link, valid, clinic.phoneDisplay()};
        return new Letters.Letter(
                messages.getMessage(key + ".subject", new Object[] {clinic.shortName(), when}, locale),
                messages.getMessage(key + ".body", args, locale));
    }

    private String when(Instant start, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone())
                .format(start);
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(language == null ? "en" : language);
    }
}
