package clinic.relief.portal;

import java.util.Locale;

import clinic.relief.patients.PatientAccounts;
import clinic.relief.patients.SignUp;
import clinic.relief.patients.WrongPassword;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Patients' sign-up, the e-mailed confirmation (the link plus the chosen password), and the sign-in page (Spring
 * Security handles the POST). The answer to a sign-up never tells whether the address already had an account.
 */
@Controller
class AccountPages {

    private final PatientAccounts accounts;

    AccountPages(PatientAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/login")
    String login() {
        return "portal/login";
    }

    @GetMapping("/account/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", SignUp.empty());
        return "portal/signup";
    }

    @PostMapping("/account/signup")
    String signUp(@Valid @ModelAttribute("form") SignUp form, BindingResult errors, Locale locale) {
        if (errors.hasErrors()) {
            return "portal/signup";
        }
        accounts.signUp(form, locale.getLanguage());
        return "redirect:/account/check-email";
    }

    @GetMapping("/account/check-email")
    String checkEmail() {
        return "portal/check-email";
    }

    @GetMapping("/account/verify")
    String verifyForm(@RequestParam String token, Model model) {
        model.addAttribute("email", accounts.linkEmail(token));
        model.addAttribute("token", token);
        return "portal/verify";
    }

    @PostMapping("/account/verify")
    String verify(@RequestParam String token, @RequestParam(required = false) String password, Model model) {
        try {
            accounts.confirm(token, password);
            return "redirect:/account/login?confirmed";
        } catch (WrongPassword wrong) {
            model.addAttribute("email", accounts.linkEmail(token));
            model.addAttribute("token", token);
            model.addAttribute("wrongPassword", true);
            return "portal/verify";
        }
    }
}
