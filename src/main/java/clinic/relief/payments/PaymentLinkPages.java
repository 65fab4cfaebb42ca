package clinic.relief.payments;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The e-mailed link to confirm a payment the bank wants authenticated (3-D Secure): membership dues (at their old
 * address, {@code /payments/dues}), a fee or a desk charge ({@code /payments/confirm}). It shows the amount and a
 * button that sends the patient to the bank's page through Stripe, and the page Stripe returns to. The token decides:
 * an unknown, altered or expired link is a 404 that says so; a payment already made says so (the button is gone); a
 * payment no longer waiting (waived, paid another way) is a 404 that says so. Nothing is changed by any of them.
 */
@Controller
class PaymentLinkPages {

    private final PaymentAuthentication authentication;

    PaymentLinkPages(PaymentAuthentication authentication) {
        this.authentication = authentication;
    }

    @GetMapping({"/payments/confirm", "/payments/dues"})
    String page(
            @RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletResponse response) {
        Optional<AuthenticationLinkStore.Link> link = authentication.link(token);
        if (link.isEmpty()) {
            return gone(model, response);
        }
        model.addAttribute("kind", link.get().kind().label());
        Optional<AuthenticationSubject.Waiting> waiting = authentication.waiting(link.get());
        if (waiting.isEmpty()) {
            return ended(link.get(), model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("amount", waiting.get().amount().format(locale));
        return "payments/authenticate";
    }

    @PostMapping({"/payments/confirm", "/payments/dues"})
    ModelAndView confirm(
            @RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletResponse response) {
        Optional<AuthenticationLinkStore.Link> link = authentication.link(token);
        if (link.isEmpty()) {
            return new ModelAndView(gone(model, response), model.asMap());
        }
        model.addAttribute("kind", link.get().kind().label());
        if (authentication.waiting(link.get()).isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return new ModelAndView(ended(link.get(), model, response), model.asMap());
        }
        PaymentAuthentication.Result result = authentication.start(link.get(), token);
        if (result instanceof PaymentAuthentication.Result.ToBank toBank) {
            RedirectView redirect = new RedirectView(toBank.url());
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        }
        if (result instanceof PaymentAuthentication.Result.Ended) {
            return new ModelAndView(ended(link.get(), model, response), model.asMap());
        }
        return new ModelAndView(done(link.get(), result, token, locale, model), model.asMap());
    }

    @GetMapping({"/payments/confirm/done", "/payments/dues/done"})
    String back(
            @RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletResponse response) {
        Optional<AuthenticationLinkStore.Link> link = authentication.link(token);
        if (link.isEmpty()) {
            return gone(model, response);
        }
        model.addAttribute("kind", link.get().kind().label());
        return done(link.get(), authentication.finish(link.get()), token, locale, model);
    }

    private String done(
            AuthenticationLinkStore.Link link,
            PaymentAuthentication.Result result,
            String token,
            Locale locale,
            Model model) {
        if (result instanceof PaymentAuthentication.Result.Paid) {
            model.addAttribute("paid", true);
        } else {
            model.addAttribute("problem", "payments.authenticate.notConfirmed");
            authentication.waiting(link).ifPresent(waiting -> {
                model.addAttribute("token", token);
                model.addAttribute("amount", waiting.amount().format(locale));
            });
        }
        return "payments/authenticate";
    }

    /**
     * A link whose payment is no longer waiting: the invoice paid another way or the payment done (it says so), or
     * ended some other way (a 404).
     */
    private String ended(AuthenticationLinkStore.Link link, Model model, HttpServletResponse response) {
        if (authentication.settledOtherwise(link)) {
            model.addAttribute("settled", true);
        } else if (authentication.paid(link)) {
            model.addAttribute("already", true);
        } else {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("ended", true);
        }
        return "payments/authenticate";
    }

    private static String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("kind", "payment");
        model.addAttribute("expired", true);
        return "payments/authenticate";
    }
}
