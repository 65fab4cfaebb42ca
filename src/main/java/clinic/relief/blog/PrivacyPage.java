package clinic.relief.blog;

import jakarta.validation.Valid;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** What happens to a commenter's data (and what goes to Akismet), and the form to have one's comments removed. */
@Controller
class PrivacyPage {

    private final RemovalRequestStore removals;
    private final BlogSettings settings;

    PrivacyPage(RemovalRequestStore removals, BlogSettings settings) {
        this.removals = removals;
        this.settings = settings;
    }

    @GetMapping("/blog/privacy")
    String privacy(CsrfToken csrf, Model model) {
        csrf.getToken(); // the token must be in the session before the page starts streaming out
        model.addAttribute("removal", new RemovalForm("", ""));
        return page(model);
    }

    @PostMapping("/blog/privacy")
    String requestRemoval(
            @Valid @ModelAttribute("removal") RemovalForm form, BindingResult errors, CsrfToken csrf, Model model) {
        csrf.getToken();
        if (errors.hasErrors()) {
            return page(model);
        }
        removals.add(form.email(), form.note());
        return "redirect:/blog/privacy?requested#removal";
    }

    private String page(Model model) {
        model.addAttribute("akismet", settings.akismet().enabled());
        model.addAttribute("ipDays", settings.ipRetention().toDays());
        model.addAttribute("spamDays", settings.spamRetention().toDays());
        return "blog/privacy";
    }
}
