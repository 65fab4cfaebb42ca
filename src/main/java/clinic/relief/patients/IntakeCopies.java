package clinic.relief.patients;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the PDF copy of a signed intake form in the language it was signed in: the patient, each question as shown
 * with its answer, the documents agreed to (title, version, text), and the signature (typed name, time in the
 * clinic's zone, address, SHA-256). Thread-safe.
 */
@Component
class IntakeCopies {

    private final MessageSource messages;
    private final ClinicProfile clinic;

    IntakeCopies(MessageSource messages, ClinicProfile clinic) {
        this.messages = messages;
        this.clinic = clinic;
    }

    byte[] pdf(SignedIntake signed, Patient patient, List<IntakeDocument> documents) {
        Locale locale = Locale.forLanguageTag(signed.language());
        String title = message("intake.pdf.title", locale, clinic.name());
        IntakePdf pdf = new IntakePdf().heading(title).text(message("intake.pdf.patient", locale, patient.fullName()));
        pdf.heading(message("intake.pdf.answers", locale));
        for (SignedIntake.Answer answer : signed.answers()) {
            pdf.text(answer.question().label() + ": " + shown(answer, locale));
        }
        for (IntakeDocument document : documents) {
            pdf.heading(message("intake.pdf.document", locale, document.title(), document.version()))
                    .text(document.body());
        }
        String at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone())
                .format(signed.signedAt());
        return pdf.heading(message("intake.pdf.signature", locale))
                .text(message("intake.pdf.signedBy", locale, signed.signedName(), at, signed.ip()))
                .text("SHA-256: " + signed.sha256())
                .bytes(title);
    }

    private String shown(SignedIntake.Answer answer, Locale locale) {
        if (answer.answer().isEmpty()) {
            return "-";
        }
        return switch (answer.question().kind()) {
            case "YES_NO", "SEX" -> message("intake.choice." + answer.answer(), locale);
            default -> answer.answer();
        };
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
