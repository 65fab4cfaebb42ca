package clinic.relief.portal;

import java.util.Locale;

import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.payments.CardsOnFile;
import clinic.relief.payments.PaymentsFailure;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A signed-in patient's card on file: shown (brand, last four, expiry), added or replaced on Stripe's hosted page
 * once the clinic's card-on-file and cancellation policy is accepted, and removed. Without Stripe the page says
 * payments are taken at the desk.
 */
@Controller
class MyCard {

    private final PatientAccounts accounts;
    private final CardsOnFile cards;

    MyCard(PatientAccounts accounts, CardsOnFile cards) {
        this.accounts = accounts;
        this.cards = cards;
    }

    @GetMapping("/account/card")
    String page(Authentication signedIn, Model model) {
        Patient me = me(signedIn);
        model.addAttribute("me", me);
        model.addAttribute("enabled", cards.enabled());
        model.addAttribute("card", cards.of(me.id()).orElse(null));
        model.addAttribute("policyVersion", cards.policyVersion());
        return "portal/card";
    }

    /** Sends the patient to Stripe's hosted page (303), or shows the page again with why not. */
    @PostMapping("/account/card")
    ModelAndView add(
            @RequestParam(defaultValue = "false") boolean accept,
            Authentication signedIn,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Patient me = me(signedIn);
        try {
            String base =
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            RedirectView toStripe = new RedirectView(cards.begin(me.id(), accept, base, locale));
            toStripe.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(toStripe);
        } catch (PaymentsFailure failure) {
            response.setStatus(failure.getStatusCode().value());
            model.addAttribute("problem", failure.code());
            return new ModelAndView(page(signedIn, model), model.asMap());
        }
    }

    /** Stripe's redirect back after the card was saved on its page. */
    @GetMapping("/account/card/saved")
    String saved(@RequestParam(defaultValue = "") String session, Authentication signedIn, RedirectAttributes flash) {
        Patient me = me(signedIn);
        boolean mine = !session.isBlank()
                && cards.complete(session).filter(me.id()::equals).isPresent();
        flash.addFlashAttribute("notice", mine ? "payments.card.saved" : "payments.card.notSaved");
        return "redirect:/account/card";
    }

    @PostMapping("/account/card/remove")
    String remove(Authentication signedIn, RedirectAttributes flash) {
        cards.remove(me(signedIn).id());
        flash.addFlashAttribute("notice", "payments.card.removed");
        return "redirect:/account/card";
    }

    private Patient me(Authentication signedIn) {
        return accounts.signedIn(signedIn).orElseThrow(NotAPatient::new);
    }
}
