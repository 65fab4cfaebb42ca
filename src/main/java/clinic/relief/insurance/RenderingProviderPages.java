package clinic.relief.insurance;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's list of therapists as claims name them, and the form for one's legal name, credential, NPI, taxonomy. */
@Controller
class RenderingProviderPages {

    private final RenderingProviders providers;

    RenderingProviderPages(RenderingProviders providers) {
        this.providers = providers;
    }

    @GetMapping("/staff/insurance/therapists")
    String list(Model model) {
        model.addAttribute("rows", providers.therapists());
        return "insurance/therapists";
    }

    @GetMapping("/staff/insurance/therapists/{id}")
    String form(@PathVariable UUID id, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute("therapist", providers.therapist(id));
        model.addAttribute("form", providers.form(id));
        return "insurance/therapist";
    }

    @PostMapping("/staff/insurance/therapists/{id}")
    String save(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") RenderingProviderForm form,
            BindingResult errors,
            Authentication who,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("therapist", providers.therapist(id));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "insurance/therapist";
        }
        providers.save(id, form, who.getName());
        redirect.addFlashAttribute("notice", "insurance.notice.therapistSaved");
        return "redirect:/staff/insurance/therapists";
    }
}
