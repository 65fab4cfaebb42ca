package clinic.relief.portal;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentView;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.payments.Deposit;
import clinic.relief.payments.Deposits;
import clinic.relief.payments.PaymentsFailure;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The deposit of a signed-in patient's online booking: what is held and until when, paid on Stripe's hosted page
 * (a 303 there), the page Stripe sends the patient back to, and giving the held time up. Another patient's deposit
 * is a 404.
 */
@Controller
class MyDeposit {

    private final PatientAccounts accounts;
    private final Deposits deposits;
    private final AppointmentBook book;
    private final PortalViews views;

    MyDeposit(PatientAccounts accounts, Deposits deposits, AppointmentBook book, PortalViews views) {
        this.accounts = accounts;
        this.deposits = deposits;
        this.book = book;
        this.views = views;
    }

    @GetMapping("/account/deposits/{appointment}")
    String page(@PathVariable UUID appointment, Authentication signedIn, Locale locale, Model model) {
        Deposit deposit = mine(appointment, signedIn);
        AppointmentView visit = book.get(appointment);
        model.addAttribute("deposit", deposit);
        model.addAttribute("amount", deposit.amount().format(locale));
        model.addAttribute("serviceName", visit.service().name(locale));
        model.addAttribute("when", views.dateTime(visit.start(), locale));
        model.addAttribute("until", views.dateTime(deposit.expiresAt(), locale));
        return "portal/deposit";
    }

    /**
     * Sends the patient to Stripe's hosted page (303), or shows the page again with why not. The page's button is a
     * link (a GET): the page's CSP allows forms to post only to this site and Stripe's own checkout address, and a
     * repeated request opens no second Checkout page (one per deposit, kept).
     */
    @RequestMapping(
            path = "/account/deposits/{appointment}/pay",
            method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView pay(
            @PathVariable UUID appointment,
            Authentication signedIn,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Patient me = me(signedIn);
        mine(appointment, signedIn);
        AppointmentView visit = book.get(appointment);
        try {
            String base =
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            String description = visit.service().name(locale) + ", " + views.dateTime(visit.start(), locale);
            RedirectView toStripe =
                    new RedirectView(deposits.checkout(appointment, me.id(), description, base, locale));
            toStripe.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(toStripe);
        } catch (PaymentsFailure failure) {
            response.setStatus(failure.getStatusCode().value());
            model.addAttribute("problem", failure.code());
            return new ModelAndView(page(appointment, signedIn, locale, model), model.asMap());
        }
    }

    /** Stripe's redirect back after paying: the page is read at Stripe, so the booking need not wait for the webhook. */
    @GetMapping("/account/deposits/{appointment}/paid")
    String paid(
            @PathVariable UUID appointment,
            @RequestParam(defaultValue = "") String session,
            Authentication signedIn,
            RedirectAttributes flash) {
        Deposit deposit = deposits.returned(appointment, me(signedIn).id(), session);
        if (deposit.state() == Deposit.State.OPEN) {
            flash.addFlashAttribute("notice", "payments.deposit.waiting");
        }
        return "redirect:/account/deposits/" + appointment;
    }

    /** The patient gives the held time up: Stripe's page is expired and the slot freed. */
    @PostMapping("/account/deposits/{appointment}/release")
    String release(@PathVariable UUID appointment, Authentication signedIn, RedirectAttributes flash) {
        deposits.abandon(appointment, me(signedIn).id());
        flash.addFlashAttribute("notice", "payments.deposit.released");
        return "redirect:/account/deposits/" + appointment;
    }

    private Deposit mine(UUID appointment, Authentication signedIn) {
        try {
            return deposits.of(appointment, me(signedIn).id());
        } catch (PaymentsFailure unknown) {
            throw new NotYourRecord();
        }
    }

    private Patient me(Authentication signedIn) {
        return accounts.signedIn(signedIn).orElseThrow(NotAPatient::new);
    }
}
