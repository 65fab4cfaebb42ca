package clinic.relief.payments;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/**
 * The e-mailed link to add a card without an account: the policy and a button to Stripe's hosted page, and the
 * page Stripe returns to. A link that is unknown, used or expired is a 404 that says so. The desk sends the link
 * from the chart.
 */
@Controller
class CardLinkPages {

    private final CardLinks links;
    private final CardsOnFile cards;

    CardLinkPages(CardLinks links, CardsOnFile cards) {
        this.links = links;
        this.cards = cards;
    }

    @GetMapping("/payments/card")
    String page(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<UUID> patient = links.patientOf(token);
        if (patient.isEmpty() || !cards.enabled()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("expired", true);
            return "payments/link";
        }
        model.addAttribute("token", token);
        model.addAttribute("policyVersion", cards.policyVersion());
        model.addAttribute("card", cards.of(patient.get()).orElse(null));
        return "payments/link";
    }

    @PostMapping("/payments/card")
    ModelAndView add(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "false") boolean accept,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Optional<UUID> patient = links.patientOf(token);
        if (patient.isEmpty() || !cards.enabled()) {
            return new ModelAndView(page(token, model, response), model.asMap());
        }
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String back = base + "/payments/card?token=" + UriUtils.encodeQueryParam(token, "UTF-8");
        try {
            RedirectView toStripe = new RedirectView(cards.begin(
                    patient.get(),
                    accept,
                    base + "/payments/card/saved?token=" + UriUtils.encodeQueryParam(token, "UTF-8")
                            + "&session={CHECKOUT_SESSION_ID}",
                    back,
                    locale));
            toStripe.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(toStripe);
        } catch (PaymentsFailure failure) {
            String view = page(token, model, response);
            response.setStatus(failure.getStatusCode().value());
            model.addAttribute("problem", failure.code());
            return new ModelAndView(view, model.asMap());
        }
    }

    @GetMapping("/payments/card/saved")
    String saved(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String session,
            Model model,
            HttpServletResponse response) {
        Optional<UUID> patient = links.patientOf(token);
        boolean saved = patient.isPresent()
                && !session.isBlank()
                && session.length() <= 200
                && cards.complete(session).equals(patient);
        if (!saved) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("expired", true);
            return "payments/link";
        }
        links.spend(patient.get());
        model.addAttribute("saved", true);
        return "payments/link";
    }

    /** The desk e-mails the link from the chart. */
    @PostMapping("/staff/payments/patients/{id}/card-link")
    String send(@PathVariable UUID id, RedirectAttributes flash) {
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        flash.addFlashAttribute(
                "cardLinkNotice", links.send(id, base) ? "payments.link.sent" : "payments.link.noEmail");
        return "redirect:/staff/patients/" + id + "#card-on-file";
    }
}
