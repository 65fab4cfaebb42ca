package clinic.relief.portal;

import clinic.relief.patients.NewPassword;
import clinic.relief.patients.PasswordIsEmail;
import clinic.relief.patients.PasswordResets;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password": asking for a link (the answer is the same whether or not the address has an account) and
 * choosing a new password behind it. Opening the link only shows the form; the change needs the POST.
 */
@Controller
class PasswordPages {

    private final PasswordResets resets;

    PasswordPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/account/forgot")
    String forgotForm() {
        return "portal/forgot";
    }

    @PostMapping("/account/forgot")
    String forgot(@RequestParam(required = false) String email) {
        resets.request(email);
        return "redirect:/account/forgot?sent";
    }

    @GetMapping("/account/reset")
    String resetForm(@RequestParam String token, Model model) {
        model.addAttribute("email", resets.linkEmail(token));
        model.addAttribute("form", NewPassword.forLink(token));
        return "portal/reset";
    }

    @PostMapping("/account/reset")
    String reset(@Valid @ModelAttribute("form") NewPassword form, BindingResult errors, Model model) {
        model.addAttribute("email", resets.linkEmail(form.token()));
        if (errors.hasErrors()) {
            return "portal/reset";
        }
        try {
            resets.reset(form);
        } catch (PasswordIsEmail sameAsEmail) {
            errors.rejectValue("password", "portal.password.notEmail");
            return "portal/reset";
        }
        return "redirect:/account/login?reset";
    }
}
