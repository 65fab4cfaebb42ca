package clinic.relief.workspace.settings;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import clinic.relief.booking.fees.FeePolicy;
import clinic.relief.booking.fees.FeePolicyChangedMeanwhile;
import clinic.relief.booking.fees.FeeRules;
import clinic.relief.clinic.CatalogueEntry;
import clinic.relief.clinic.ClinicDetails;
import clinic.relief.clinic.ClinicDetailsChangedMeanwhile;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ClinicSettings;
import clinic.relief.clinic.ServiceCatalogue;
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
 * nothing. The fee policy ({@link FeePolicy}: each service's late-cancellation window and fees) is a form of its own
 * on the same page, with the same rules.
 */
@Controller
class ClinicSettingsPages {

    /** One line of the change log, ready to show. */
    record ChangeRow(String at, String actor) {}

    /** A service's row of the fee policy form, with the values to show and each field's problem (message keys). */
    record FeeRow(
            String id,
            String name,
            String cancelHours,
            String lateCancel,
            String noShow,
            Map<String, String> problems) {}

    private final ClinicSettings settings;
    private final ClinicProfile clinic;
    private final FeePolicy fees;
    private final ServiceCatalogue services;

    ClinicSettingsPages(ClinicSettings settings, ClinicProfile clinic, FeePolicy fees, ServiceCatalogue services) {
        this.settings = settings;
        this.clinic = clinic;
        this.fees = fees;
        this.services = services;
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

    @PostMapping("/staff/settings/clinic/fees")
    String saveFees(
            @ModelAttribute("feeForm") @Nullable FeeForm form,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Set<String> known = services.entries().stream().map(CatalogueEntry::id).collect(Collectors.toSet());
        if (form == null || !form.complete(known)) {
            model.addAttribute("feesIncomplete", true);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(locale, model, csrf);
        }
        FeeForm.Outcome outcome = form.outcome();
        if (outcome.refused()) {
            model.addAttribute("feeRows", rows(form, outcome.problems(), locale));
            model.addAttribute("feeVersion", form.version());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(locale, model, csrf);
        }
        try {
            fees.edit(form.version(), outcome.rules(), who.getName());
        } catch (FeePolicyChangedMeanwhile meanwhile) {
            model.addAttribute("feesChangedMeanwhile", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(locale, model, csrf);
        }
        redirect.addFlashAttribute("notice", "workspace.fees.saved");
        return "redirect:/staff/settings/clinic#fees-title";
    }

    private String render(Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        if (!model.containsAttribute("feeRows")) {
            FeePolicy.Current policy = fees.current();
            model.addAttribute(
                    "feeRows",
                    services.entries().stream()
                            .map(e -> {
                                FeeRules r = fees.rules(e.id());
                                return new FeeRow(
                                        e.id(),
                                        e.service().name(locale),
                                        String.valueOf(r.cancelWindowHours()),
                                        String.valueOf(r.lateCancelPercent()),
                                        String.valueOf(r.noShowPercent()),
                                        Map.of());
                            })
                            .toList());
            model.addAttribute("feeVersion", policy.version());
        }
        if (!model.containsAttribute("form")) {
            ClinicSettings.Current current = settings.current();
            model.addAttribute("form", ClinicForm.of(current.details(), current.version()));
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone());
        model.addAttribute("country", settings.country());
        model.addAttribute(
                "feeChanges",
                fees.changes(20).stream()
                        .map(c -> new ChangeRow(when.format(c.at()), c.actor()))
                        .toList());
        model.addAttribute(
                "changes",
                settings.changes(20).stream()
                        .map(c -> new ChangeRow(when.format(c.at()), c.actor()))
                        .toList());
        return "workspace/settings-clinic";
    }

    /** The form's rows as typed, with their problems, in the order posted. */
    private List<FeeRow> rows(FeeForm form, Map<String, Map<String, String>> problems, Locale locale) {
        List<String> ids = FeeForm.list(form.serviceIds());
        List<FeeRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            rows.add(new FeeRow(
                    id,
                    services.entry(id).service().name(locale),
                    form.value(FeeForm.list(form.cancelHours()), i),
                    form.value(FeeForm.list(form.lateCancel()), i),
                    form.value(FeeForm.list(form.noShow()), i),
                    problems.getOrDefault(id, Map.of())));
        }
        return rows;
    }
}
