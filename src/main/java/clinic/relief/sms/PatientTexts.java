package clinic.relief.sms;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the patient chart shows of texts (bean {@code patientTexts}, read by the chart's fragment
 * {@code sms/chart-texts}): whether texts can be sent at all, the patient's consent per channel, a blocked number, the
 * texts both ways with their delivery status, and the replies waiting for the desk.
 */
@Component("patientTexts")
public class PatientTexts {

    private final TextStore texts;
    private final ConsentStore consents;
    private final TwilioGateway twilio;
    private final ClinicProfile clinic;

    PatientTexts(TextStore texts, ConsentStore consents, TwilioGateway twilio, ClinicProfile clinic) {
        this.texts = texts;
        this.consents = consents;
        this.twilio = twilio;
        this.clinic = clinic;
    }

    /**
     * One text as listed: when (clinic time), in or out, its words (none for a reminder until it leaves), its state
     * and Twilio's error code if any.
     */
    public record Line(
            String when, boolean outgoing, @Nullable String body, String state, String errorCode) {}

    /** A reply waiting for the desk. */
    public record Waiting(String sid, String when, String from, String body) {}

    /** The newest consent decision on a channel, if there is one: granted or refused, for which number, when, by whom. */
    public record Decision(boolean recorded, boolean granted, String phone, String when, String source) {}

    /** The chart's section. */
    public record View(
            boolean configured,
            Decision text,
            Decision email,
            Optional<String> blocked,
            List<Line> lines,
            List<Waiting> waiting) {}

    @Transactional(readOnly = true)
    public View forChart(UUID patientId, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone());
        Optional<Consents.Consent> text = consents.latest(patientId, Channel.TEXT);
        return new View(
                twilio.configured(),
                decision(text, format),
                decision(consents.latest(patientId, Channel.EMAIL), format),
                text.flatMap(Consents.Consent::phone).flatMap(consents::blocked),
                texts.ofPatient(patientId, 30).stream()
                        .map(l -> new Line(
                                format.format(l.at()),
                                l.direction().equals("OUT"),
                                l.body(),
                                l.state(),
                                l.errorCode() == null ? "" : String.valueOf(l.errorCode())))
                        .toList(),
                texts.inboxOf(patientId).stream()
                        .map(w -> new Waiting(w.sid(), format.format(w.at()), w.sender(), w.body()))
                        .toList());
    }

    /** How many replies wait for the desk, from patients and unknown numbers. */
    @Transactional(readOnly = true)
    public int waiting() {
        return texts.openInbox();
    }

    private static Decision decision(Optional<Consents.Consent> consent, DateTimeFormatter format) {
        return consent.map(
                        c -> new Decision(true, c.granted(), c.phone().orElse(""), format.format(c.at()), c.source()))
                .orElse(new Decision(false, false, "", "", ""));
    }
}
