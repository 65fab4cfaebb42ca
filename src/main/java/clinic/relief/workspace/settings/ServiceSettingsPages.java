package clinic.relief.workspace.settings;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import clinic.relief.booking.BookableService;
import clinic.relief.booking.Booking;
import clinic.relief.clinic.CatalogueEntry;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.clinic.ServiceChangedMeanwhile;
import clinic.relief.clinic.ServiceEdit;
import clinic.relief.clinic.ServiceRefused;
import clinic.relief.clinic.SiteView;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's services and prices ({@link ServiceCatalogue}): the menu with every service (retired ones marked), a
 * form to add one, and per service a form for its names, summaries and prices, retiring or offering it again, and who
 * changed it when. New prices hold for bookings made after the save. A save from a version someone else changed since
 * changes nothing (409, the page says so); bad values are refused field by field (422) and change nothing.
 */
@Controller
class ServiceSettingsPages {

    /** A service in the menu's table: its prices written out ("60 min · $110.00"). */
    record Row(String id, String name, List<String> prices, boolean retired) {}

    /** One line of a service's change log, ready to show. */
    record ChangeRow(String at, String actor, String actionKey) {}

    private final ServiceCatalogue catalogue;
    private final Booking booking;
    private final ClinicProfile clinic;
    private final SiteView site;

    ServiceSettingsPages(ServiceCatalogue catalogue, Booking booking, ClinicProfile clinic, SiteView site) {
        this.catalogue = catalogue;
        this.booking = booking;
        this.clinic = clinic;
        this.site = site;
    }

    @GetMapping("/staff/settings/services")
    String menu(Locale locale, Model model, CsrfToken csrf) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ServiceForm.blank());
        }
        return menuPage(locale, model, csrf);
    }

    @PostMapping("/staff/settings/services")
    String add(
            @ModelAttribute("form") @Nullable ServiceForm form,
            BindingResult errors,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form == null) {
            // A value that could not even be bound: the form starts again, saying so.
            model.addAttribute("form", ServiceForm.blank());
            errors.reject("workspace.services.incomplete");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return menuPage(locale, model, csrf);
        }
        String id = form.id() == null ? "" : form.id().strip();
        Optional<ServiceEdit> edit = form.edit(errors);
        try {
            if (edit.isPresent()) {
                catalogue.add(id, edit.get(), who.getName());
                redirect.addFlashAttribute("notice", "workspace.services.added");
                return "redirect:/staff/settings/services/" + id;
            }
        } catch (ServiceRefused refused) {
            refused.problems().forEach(p -> errors.rejectValue(p.field(), p.key()));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return menuPage(locale, model, csrf);
    }

    @GetMapping("/staff/settings/services/{id}")
    String service(@PathVariable String id, Locale locale, Model model, CsrfToken csrf) {
        CatalogueEntry entry = catalogue.entry(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ServiceForm.of(entry));
        }
        return servicePage(entry, locale, model, csrf);
    }

    @PostMapping("/staff/settings/services/{id}")
    String save(
            @PathVariable String id,
            @ModelAttribute("form") @Nullable ServiceForm form,
            BindingResult errors,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CatalogueEntry entry = catalogue.entry(id);
        if (form == null || form.version() == null) {
            model.addAttribute("form", form == null ? ServiceForm.of(entry) : form);
            errors.reject("workspace.services.incomplete");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return servicePage(entry, locale, model, csrf);
        }
        Optional<ServiceEdit> edit = form.edit(errors);
        if (edit.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return servicePage(entry, locale, model, csrf);
        }
        try {
            catalogue.edit(id, form.version(), edit.get(), who.getName());
        } catch (ServiceChangedMeanwhile meanwhile) {
            return changedMeanwhile(id, locale, model, csrf, response);
        }
        redirect.addFlashAttribute("notice", "workspace.services.saved");
        return "redirect:/staff/settings/services/" + id;
    }

    @PostMapping({"/staff/settings/services/{id}/retire", "/staff/settings/services/{id}/restore"})
    String retire(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer version,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CatalogueEntry entry = catalogue.entry(id);
        try {
            int seen = version == null ? -1 : version;
            if (entry.retired()) {
                catalogue.restore(id, seen, who.getName());
            } else {
                catalogue.retire(id, seen, who.getName());
            }
        } catch (ServiceChangedMeanwhile meanwhile) {
            return changedMeanwhile(id, locale, model, csrf, response);
        }
        redirect.addFlashAttribute(
                "notice", entry.retired() ? "workspace.services.restored" : "workspace.services.retired");
        return "redirect:/staff/settings/services/" + id;
    }

    private String changedMeanwhile(
            String id, Locale locale, Model model, CsrfToken csrf, HttpServletResponse response) {
        CatalogueEntry now = catalogue.entry(id);
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("changedMeanwhile", true);
        model.addAttribute("form", ServiceForm.of(now));
        return servicePage(now, locale, model, csrf);
    }

    private String menuPage(Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute(
                "services",
                catalogue.entries().stream()
                        .map(e -> new Row(e.id(), e.service().name(locale), prices(e, locale), e.retired()))
                        .toList());
        return "workspace/settings-services";
    }

    private String servicePage(CatalogueEntry entry, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        BookableService rules = booking.service(entry.id());
        ZoneId zone = clinic.zone();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        model.addAttribute("entry", entry);
        model.addAttribute("serviceName", entry.service().name(locale));
        model.addAttribute("cancelHours", hours(rules.cancelWindow()));
        model.addAttribute("rules", rules);
        model.addAttribute(
                "cpt",
                Optional.ofNullable(clinic.billing())
                        .map(b -> b.serviceCodes().getOrDefault(entry.id(), ""))
                        .orElse(""));
        model.addAttribute(
                "changes",
                catalogue.changes(entry.id()).stream()
                        .limit(20)
                        .map(c -> new ChangeRow(
                                when.format(c.at()), c.actor(), "workspace.services.action." + c.action()))
                        .toList());
        return "workspace/settings-service";
    }

    private List<String> prices(CatalogueEntry entry, Locale locale) {
        return entry.service().pricesByLength().entrySet().stream()
                .map(p -> p.getKey() + " min · " + site.money(p.getValue(), locale))
                .toList();
    }

    private static long hours(Duration window) {
        return window.toHours();
    }
}
