package clinic.relief.booking.online;

import java.util.Locale;

import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.ManageLinks;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.patients.OneStepAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of an online hold: "check your e-mail", and the e-mailed link. Opening the link shows what it confirms
 * with a button; only the button (a POST) confirms, so a mail scanner that fetches links confirms nothing.
 */
@Controller
class HoldPages {

    private final OnlineHolds holds;
    private final BookingViews views;
    private final OnlineHoldSettings settings;
    private final OneStepAccounts accounts;
    private final ManageLinks manageLinks;

    HoldPages(
            OnlineHolds holds,
            BookingViews views,
            OnlineHoldSettings settings,
            OneStepAccounts accounts,
            ManageLinks manageLinks) {
        this.holds = holds;
        this.accounts = accounts;
        this.views = views;
        this.settings = settings;
        this.manageLinks = manageLinks;
    }

    @GetMapping("/book/check-email")
    String checkEmail(Model model) {
        model.addAttribute("holdMinutes", settings.lasts().toMinutes());
        return "booking/check-email";
    }

    @GetMapping("/book/confirm")
    String preview(@RequestParam String token, Locale locale, Model model) {
        AppointmentView held = holds.preview(token);
        model.addAttribute("token", token);
        model.addAttribute("service", held.service().name(locale));
        model.addAttribute("minutes", held.minutes());
        model.addAttribute("when", views.dateTime(held.start(), locale));
        return "booking/confirm";
    }

    @PostMapping("/book/confirm")
    String confirm(@RequestParam String token, Locale locale, RedirectAttributes redirect) {
        AppointmentView booked = holds.confirm(token);
        redirect.addFlashAttribute("when", views.dateTime(booked.start(), locale));
        redirect.addFlashAttribute("service", booked.service().name(locale));
        // The link just proved the address: an account is one password away (see OneStepAccounts).
        accounts.offer(booked.patient().id()).ifPresent(offer -> {
            redirect.addFlashAttribute("accountOffer", offer);
            redirect.addFlashAttribute("accountEmail", booked.patient().email());
        });
        // The page after links to the visit (or the request) as the e-mail does: a link that opens this one
        // appointment only.
        redirect.addFlashAttribute("manageLink", manageLinks.linkFor(booked.id()));
        return booked.status() == AppointmentStatus.REQUESTED ? "redirect:/book/requested" : "redirect:/book/done";
    }

    @ExceptionHandler(PatientAlreadyBooked.class)
    ModelAndView ownClash() {
        return new ModelAndView("booking/clash", HttpStatus.CONFLICT);
    }
}
