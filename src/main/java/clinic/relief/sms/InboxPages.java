package clinic.relief.sms;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's text inbox at {@code /staff/sms/inbox}: replies that no keyword handled, from patients (linked to their
 * chart) and from numbers no patient gave; each is marked as dealt with here or on the chart.
 */
@Controller
class InboxPages {

    private final TextStore texts;
    private final ClinicProfile clinic;
    private final Clock clock;

    InboxPages(TextStore texts, ClinicProfile clinic, Clock clock) {
        this.texts = texts;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** One waiting reply as the inbox lists it; {@code patientId} is empty for an unknown number. */
    record Row(String sid, String when, String from, Optional<UUID> patientId, String body) {}

    @GetMapping("/staff/sms/inbox")
    String inbox(Locale locale, Model model) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone());
        model.addAttribute(
                "rows",
                texts.inbox(200).stream()
                        .map(item -> new Row(
                                item.sid(),
                                format.format(item.at()),
                                item.sender(),
                                Optional.ofNullable(item.patientId()),
                                item.body()))
                        .toList());
        return "sms/inbox";
    }

    @PostMapping("/staff/sms/replies/{sid}/handled")
    String handled(@PathVariable String sid, @RequestParam Optional<UUID> patient, RedirectAttributes redirect) {
        texts.handle(sid, clock.instant());
        redirect.addFlashAttribute("doneCode", "sms.inbox.handled");
        return patient.map(id -> "redirect:/staff/patients/" + id + "#texts").orElse("redirect:/staff/sms/inbox");
    }
}
