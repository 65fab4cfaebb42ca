package clinic.relief.payments;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The deposit of a visitor who booked online without signing in, opened by its signed link
 * ({@link VisitorDepositLinks}, {@code ?token=}) with no session: what is held and until when, paying on Stripe's
 * hosted page (a 303 there; the page carries the address the visitor gave), the page Stripe sends them back to (with
 * the same token) and giving the held time up. A forged, altered or expired token, or one of a signed-in patient's
 * deposit, is a 404 that shows nothing.
 */
@Controller
class VisitorDepositPages {

    static final String PATH = "/payments/deposit";

    private final VisitorDepositLinks links;
    private final Deposits deposits;
    private final AppointmentBook book;
    private final BookingViews views;

    VisitorDepositPages(VisitorDepositLinks links, Deposits deposits, AppointmentBook book, BookingViews views) {
        this.links = links;
        this.deposits = deposits;
        this.book = book;
        this.views = views;
    }

    @GetMapping(PATH)
    String page(@RequestParam(defaultValue = "") String token, Locale locale, Model model) {
        UUID appointment = links.open(token);
        Deposit deposit = deposits.ofVisitor(appointment);
        AppointmentView visit = book.get(appointment);
        model.addAttribute("deposit", deposit);
        model.addAttribute("token", token);
        model.addAttribute("amount", deposit.amount().format(locale));
        model.addAttribute("serviceName", visit.service().name(locale));
        model.addAttribute("when", views.dateTime(visit.start(), locale));
        model.addAttribute("until", views.dateTime(deposit.expiresAt(), locale));
        return "payments/visitor-deposit";
    }

    /** Sends the visitor to Stripe's hosted page (303), or shows the page again with why not. */
    @RequestMapping(
            path = PATH + "/pay",
            method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView pay(
            @RequestParam(defaultValue = "") String token, Locale locale, Model model, HttpServletResponse response) {
        UUID appointment = links.open(token);
        AppointmentView visit = book.get(appointment);
        try {
            String base = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(PATH)
                    .build()
                    .toUriString();
            String cancel = UriComponentsBuilder.fromUriString(base)
                    .queryParam("token", token)
                    .build()
                    .toUriString();
            // Stripe fills in {CHECKOUT_SESSION_ID}; the token is URL-safe Base64 and a dot, so it needs no escaping.
            String success = base + "/paid?token=" + token + "&session={CHECKOUT_SESSION_ID}";
            String description = visit.service().name(locale) + ", " + views.dateTime(visit.start(), locale);
            RedirectView toStripe =
                    new RedirectView(deposits.checkoutForVisitor(appointment, description, success, cancel, locale));
            toStripe.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(toStripe);
        } catch (PaymentsFailure failure) {
            response.setStatus(failure.getStatusCode().value());
            model.addAttribute("problem", failure.code());
            return new ModelAndView(page(token, locale, model), model.asMap());
        }
    }

    /** Stripe's redirect back after paying: the page is read at Stripe, so the booking need not wait for the webhook. */
    @GetMapping(PATH + "/paid")
    String paid(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String session,
            RedirectAttributes flash) {
        Deposit deposit = deposits.returnedVisitor(links.open(token), session);
        if (deposit.state() == Deposit.State.OPEN) {
            flash.addFlashAttribute("notice", "payments.deposit.waiting");
        }
        return redirectTo(token);
    }

    /** The visitor gives the held time up: Stripe's page is expired and the slot freed. */
    @PostMapping(PATH + "/release")
    String release(@RequestParam(defaultValue = "") String token, RedirectAttributes flash) {
        deposits.abandonVisitor(links.open(token));
        flash.addFlashAttribute("notice", "payments.deposit.released");
        return redirectTo(token);
    }

    private static String redirectTo(String token) {
        return "redirect:" + PATH + "?token=" + token;
    }
}
