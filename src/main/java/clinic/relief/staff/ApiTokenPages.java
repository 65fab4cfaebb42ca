package clinic.relief.staff;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's page for API tokens (the security configuration lets only the owner in): issue one, see it once,
 * see when each was last used, revoke.
 */
@Controller
class ApiTokenPages {

    private final ApiTokens tokens;
    private final ZoneId zone;

    // The clinic's zone by its property: the clinic module depends on staff, so staff cannot use ClinicProfile.
    ApiTokenPages(ApiTokens tokens, @Value("${relief.clinic.zone}") ZoneId zone) {
        this.tokens = tokens;
        this.zone = zone;
    }

    /** One token in the list, with its times in the clinic's zone. */
    record Row(ApiToken token, String created, String lastUsed, String revoked) {}

    @GetMapping("/staff/api-tokens")
    String list(Locale locale, Model model, CsrfToken csrf) {
        // A long list outgrows the response buffer: the token's session must exist before rendering starts.
        csrf.getToken();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApiTokenForm("", StaffRole.FRONT_DESK));
        }
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute(
                "rows",
                tokens.all().stream()
                        .map(t -> new Row(
                                t,
                                format(t.createdAt(), locale),
                                format(t.lastUsedAt(), locale),
                                format(t.revokedAt(), locale)))
                        .toList());
        return "staff/api-tokens";
    }

    @PostMapping("/staff/api-tokens")
    String issue(
            @Valid @ModelAttribute("form") ApiTokenForm form,
            BindingResult errors,
            Principal owner,
            Locale locale,
            Model model,
            CsrfToken csrf,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return list(locale, model, csrf);
        }
        ApiTokens.Issued issued = tokens.issue(form.name(), form.role(), owner.getName());
        redirect.addFlashAttribute("issued", issued.token());
        return "redirect:/staff/api-tokens";
    }

    @PostMapping("/staff/api-tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("revokedNotice", true);
        return "redirect:/staff/api-tokens";
    }

    private String format(Instant instant, Locale locale) {
        return instant == null
                ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(instant);
    }
}
