package clinic.relief.portal;

import java.util.Optional;

import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.sms.Channel;
import clinic.relief.sms.Consents;
import clinic.relief.sms.InvalidPhoneNumber;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in patient turns text reminders on (at the phone number on their record) or off; each choice is recorded
 * in the texts' consent store with its time and "patient portal" as its source. A number that replied STOP or that
 * cannot receive texts is shown as such.
 */
@Controller
class MyTexts {

    static final String SOURCE = "patient portal";

    private final PatientAccounts accounts;
    private final Consents consents;

    MyTexts(PatientAccounts accounts, Consents consents) {
        this.accounts = accounts;
        this.consents = consents;
    }

    @GetMapping("/account/texts")
    String page(Authentication signedIn, Model model) {
        Patient me = me(signedIn);
        Optional<Consents.Consent> latest = consents.latest(me.id(), Channel.TEXT);
        Optional<String> number = latest.filter(Consents.Consent::granted).flatMap(Consents.Consent::phone);
        model.addAttribute("me", me);
        model.addAttribute("on", number.isPresent());
        model.addAttribute("number", number.orElse(me.phone()));
        model.addAttribute("blocked", number.flatMap(consents::blocked).orElse(null));
        return "portal/texts";
    }

    @PostMapping("/account/texts/on")
    String on(Authentication signedIn, RedirectAttributes flash) {
        Patient me = me(signedIn);
        try {
            if (me.phone() == null) {
                throw new InvalidPhoneNumber();
            }
            consents.grantTexts(me.id(), me.phone(), SOURCE);
            flash.addFlashAttribute("notice", "portal.texts.turnedOn");
        } catch (InvalidPhoneNumber invalid) {
            flash.addFlashAttribute("problem", "portal.texts.invalidPhone");
        }
        return "redirect:/account/texts";
    }

    @PostMapping("/account/texts/off")
    String off(Authentication signedIn, RedirectAttributes flash) {
        consents.withdrawTexts(me(signedIn).id(), SOURCE);
        flash.addFlashAttribute("notice", "portal.texts.turnedOff");
        return "redirect:/account/texts";
    }

    private Patient me(Authentication signedIn) {
        return accounts.signedIn(signedIn).orElseThrow(NotAPatient::new);
    }
}
