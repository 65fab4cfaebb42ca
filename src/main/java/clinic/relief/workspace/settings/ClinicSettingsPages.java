package clinic.relief.workspace.settings;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import clinic.relief.clinic.ClinicDetails;
import clinic.relief.clinic.ClinicDetailsChangedMeanwhile;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ClinicSettings;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's page for the clinic's details that are safe to change while the app runs ({@link ClinicSettings}):
 * names, public phone, contact e-mail, address lines, and who changed them when. A save from a version someone else
 * changed since changes nothing (409, the page says so); bad values are refused field by field (422) and change
 * nothing.
 */
@Controller
class ClinicSettingsPages {

    /** One line of the change log, ready to show. */
    record ChangeRow(String at, String actor) {}

    private final ClinicSettings settings;
    private final ClinicProfile clinic;

    ClinicSettingsPages(ClinicSettings settings, ClinicProfile clinic) {
        this.settings = settings;
        this.clinic = clinic;
    }

    @GetMapping("/staff/settings/clinic")
    String page(Locale locale, Model model, CsrfToken csrf) {
        return render(locale, model, csrf);
    }

    @PostMapping("/staff/settings/clinic")
    String save(
            @ModelAttribute("form") @Nullable ClinicForm form,
            BindingResult errors,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form == null || form.version() == null) {
            ClinicSettings.Current current = settings.current();
            model.addAttribute("form", ClinicForm.of(current.details(), current.version()));
            errors.reject("workspace.clinic.incomplete");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(locale, model, csrf);
        }
        Optional<ClinicDetails> details = form.details(settings.country(), errors);
        if (details.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(locale, model, csrf);
        }
        try {
            settings.edit(form.version(), details.get(), who.getName());
        } catch (ClinicDetailsChangedMeanwhile meanwhile) {
            ClinicSettings.Current current = settings.current();
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("changedMeanwhile", true);
            model.addAttribute("form", ClinicForm.of(current.details(), current.version()));
            return render(locale, model, csrf);
        }
        redirect.addFlashAttribute("notice", "workspace.clinic.saved");
        return "redirect:/staff/settings/clinic";
    }

    private String render(Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        if (!model.containsAttribute("form")) {
            ClinicSettings.Current current = settings.current();
            model.addAttribute("form", ClinicForm.of(current.details(), current.version()));
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone());
        model.addAttribute("country", settings.country());
        model.addAttribute(
                "changes",
                settings.changes(20).stream()
                        .map(c -> new ChangeRow(when.format(c.at()), c.actor()))
                        .toList());
        return "workspace/settings-clinic";
    }
}
