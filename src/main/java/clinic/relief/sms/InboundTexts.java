package clinic.relief.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A text received from Twilio, already authenticated: stored once by its MessageSid (a replayed webhook changes
 * nothing), then acted on. C or Y confirms the patient's appointment; STOP and Twilio's other opt-out words block the
 * number at once and record the refusal for every patient at it; START lifts that; HELP answers with the clinic's
 * phone; anything else, or any text from a number no patient gave for texts, waits in the desk's inbox.
 */
@Service
class InboundTexts {

    private final TextStore store;
    private final ConsentStore consents;
    private final List<TextConfirmations> confirmations;
    private final Patients patients;
    private final MessageSource messages;
    private final ClinicProfile clinic;
    private final Clock clock;

    InboundTexts(
            TextStore store,
            ConsentStore consents,
            List<TextConfirmations> confirmations,
            Patients patients,
            MessageSource messages,
            ClinicProfile clinic,
            Clock clock) {
        this.store = store;
        this.consents = consents;
        this.confirmations = confirmations;
        this.patients = patients;
        this.messages = messages;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** Handles the text; returns the answer to send back, if any. */
    @Transactional
    Optional<String> receive(String sid, String from, String body) {
        Instant now = clock.instant();
        List<UUID> holders = consents.patientsAt(from);
        Optional<UUID> patient = holders.stream().findFirst();
        Keyword keyword = Keyword.of(body);
        if (keyword == Keyword.CONFIRM && patient.isEmpty()) {
            keyword = Keyword.OTHER;
        }
        if (!store.received(sid, from, patient.orElse(null), body, keyword.name(), now)) {
            return Optional.empty();
        }
        Locale locale = patient.flatMap(patients::find).map(Patient::locale).orElse(Locale.ENGLISH);
        return switch (keyword) {
            case CONFIRM -> Optional.of(confirm(patient.orElseThrow(), from, locale));
            case STOP -> {
                consents.block(from, "OPTED_OUT", null, now);
                holders.forEach(id -> consents.insert(id, Channel.TEXT, false, from, now, "text reply STOP"));
                store.voidTo(from, "opted out", now);
                yield Optional.empty();
            }
            case START -> {
                consents.unblock(from);
                holders.forEach(id -> consents.insert(id, Channel.TEXT, true, from, now, "text reply START"));
                yield Optional.of(text("sms.reply.start", locale));
            }
            case HELP -> Optional.of(text("sms.reply.help", locale));
            case OTHER -> Optional.empty();
        };
    }

    private String confirm(UUID patient, String from, Locale locale) {
        Optional<UUID> reminded = store.lastRemindedAppointment(from);
        Optional<TextConfirmations.Confirmed> confirmed = confirmations.stream()
                .map(c -> c.confirmByText(patient, reminded))
                .flatMap(Optional::stream)
                .findFirst();
        return confirmed
                .map(visit -> messages.getMessage(
                        "sms.reply.confirmed",
                        new Object[] {
                            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                    .withLocale(locale)
                                    .format(visit.start().atZone(clinic.zone())),
                            visit.manageLink()
                        },
                        locale))
                .orElseGet(() -> text("sms.reply.nothingToConfirm", locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, new Object[] {clinic.shortName(), clinic.phoneDisplay()}, locale);
    }
}
