package clinic.relief.booking.letters;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.OneStepAccounts;
import clinic.relief.patients.Patient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the emails patients get, in their language. On purpose they carry only the time, the place and the first
 * name: no service name (a "prenatal massage" already tells too much), no health details.
 */
@Component
public class Letters {

    /** Which email. */
    enum Kind {
        CONFIRMATION,
        REMINDER,
        CHANGE,
        CANCELLATION
    }

    /** A composed email. */
    public record Letter(String subject, String body) {}

    private final MessageSource messages;
    private final ClinicProfile clinic;
    private final Map<Locale, Language> languages = new ConcurrentHashMap<>();

    Letters(MessageSource messages, ClinicProfile clinic) {
        this.messages = messages;
        this.clinic = clinic;
    }

    Letter write(Kind kind, Patient patient, Instant start) {
        return write(kind, patient, start, List.of(), "");
    }

    /**
     * The letter, naming the two therapists of a couples massage ({@code therapists} holds both names; anything else
     * names nobody, as a one-therapist letter does). Their names only: still no service and no health details.
     * {@code manageLink} is the appointment's manage link, which every letter but a cancellation carries.
     */
    Letter write(Kind kind, Patient patient, Instant start, List<String> therapists, String manageLink) {
        return write(kind, patient, start, therapists, manageLink, Optional.empty());
    }

    /**
     * The letter as above; a confirmation with an {@code accountOffer} also offers the one-password account (its link
     * and how many days it works), in a paragraph before the manage link.
     */
    Letter write(
            Kind kind,
            Patient patient,
            Instant start,
            List<String> therapists,
            String manageLink,
            Optional<OneStepAccounts.Link> accountOffer) {
        Language language = languages.computeIfAbsent(patient.locale(), locale -> new Language(locale, clinic.zone()));
        String when = language.when().format(start);
        String key = "booking.mail." + kind.name().toLowerCase(Locale.ROOT);
        String subject =
                messages.getMessage(key + ".subject", new Object[] {clinic.shortName(), when}, language.locale());
        String place = clinic.address().street() + ", " + clinic.address().city();
        String body = messages.getMessage(
                key + ".body",
                new Object[] {
                    patient.firstName(),
                    clinic.name(),
                    when,
                    language.zoneName(),
                    place,
                    clinic.phoneDisplay(),
                    manageLink,
                    accountOffer
                            .filter(offer -> kind == Kind.CONFIRMATION)
                            .map(offer -> messages.getMessage(
                                    "booking.mail.accountOffer",
                                    new Object[] {offer.url(), offer.days()},
                                    language.locale()))
                            .orElse("")
                },
                language.locale());
        if (therapists.size() == 2 && kind != Kind.CANCELLATION) {
            body = body
                    + "\n"
                    + messages.getMessage("booking.mail.twoTherapists", therapists.toArray(), language.locale());
        }
        return new Letter(subject, body);
    }

    /** What a letter needs of a patient's language, worked out once per language (each booking writes two). */
    private record Language(Locale locale, DateTimeFormatter when, String zoneName) {

        Language(Locale locale, ZoneId zone) {
            this(
                    locale,
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                            .withLocale(locale)
                            .withZone(zone),
                    zone.getDisplayName(TextStyle.FULL_STANDALONE, locale));
        }
    }
}
