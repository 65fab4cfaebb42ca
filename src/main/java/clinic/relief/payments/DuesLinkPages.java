package clinic.relief.payments;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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
 * The e-mailed link to confirm a membership payment the bank wants authenticated (3-D Secure): the amount and a
 * button that sends the patient to the bank's page through Stripe, and the page Stripe returns to. Its token decides;
 * a link that is unknown, or whose month is paid or no longer waiting for authentication, is a 404 that says so.
 */
@Controller
class DuesLinkPages {

    private final DuesAuthentication authentication;

    DuesLinkPages(DuesAuthentication authentication) {
        this.authentication = authentication;
    }

    @GetMapping("/payments/dues")
    String page(
            @RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletResponse response) {
        Optional<Dues> dues = authentication.waiting(token);
        if (dues.isEmpty()) {
            return gone(token, model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("amount", dues.get().amount().format(locale));
        return "payments/dues";
    }

    @PostMapping("/payments/dues")
    ModelAndView confirm(
            @RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletResponse response) {
        Optional<Dues> dues = authentication.waiting(token);
        if (dues.isEmpty()) {
            return new ModelAndView(gone(token, model, response), model.asMap());
        }
        DuesAuthentication.Result result = authentication.start(dues.get(), token);
        if (result instanceof DuesAuthentication.Result.ToBank toBank) {
            RedirectView redirect = new RedirectView(toBank.url());
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        }
        return new ModelAndView(done(result, token, locale, model), model.asMap());
    }

    @GetMapping("/payments/dues/done")
    String back(
            @RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletResponse response) {
        Optional<UUID> invoice = authentication.invoiceOf(token);
        if (invoice.isEmpty()) {
            return gone(token, model, response);
        }
        return done(authentication.finish(invoice.get()), token, locale, model);
    }

    private String done(DuesAuthentication.Result result, String token, Locale locale, Model model) {
        if (result instanceof DuesAuthentication.Result.Paid) {
            model.addAttribute("paid", true);
        } else {
            model.addAttribute("problem", "payments.dues.notConfirmed");
            authentication.waiting(token).ifPresent(d -> {
                model.addAttribute("token", token);
                model.addAttribute("amount", d.amount().format(locale));
            });
        }
        return "payments/dues";
    }

    private static String gone(String token, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("expired", true);
        return "payments/dues";
    }
}
