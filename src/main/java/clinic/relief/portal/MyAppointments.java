package clinic.relief.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingRequests;
import clinic.relief.booking.CancelTerms;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotTaken;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in patient's appointments: the list, cancelling (a late cancel shows its fee and asks first), moving
 * to another free time, and withdrawing a booking request still awaiting the front desk. Anyone else's appointment is answered 404, and nothing changes.
 */
@Controller
class MyAppointments {

    private final PatientAccounts accounts;
    private final AppointmentBook book;
    private final PortalViews views;
    private final BookingRequests requests;

    MyAppointments(PatientAccounts accounts, AppointmentBook book, PortalViews views, BookingRequests requests) {
        this.accounts = accounts;
        this.book = book;
        this.views = views;
        this.requests = requests;
    }

    @GetMapping("/account")
    String list(Authentication signedIn, Locale locale, Model model) {
        Patient me = me(signedIn);
        model.addAttribute("me", me);
        model.addAttribute("upcoming", views.upcoming(me, locale));
        model.addAttribute("past", views.past(me, locale));
        return "portal/appointments";
    }

    @GetMapping("/account/appointments/{id}/cancel")
    String cancelPage(@PathVariable UUID id, Authentication signedIn, Locale locale, Model model) {
        AppointmentView appointment = views.own(me(signedIn), id);
        model.addAttribute("appointment", views.of(appointment, locale));
        model.addAttribute("terms", book.cancelTerms(id));
        return "portal/cancel";
    }

    /**
     * Cancels; if the fee grew since the page was shown (the window began meanwhile), asks again instead. One that
     * can no longer be cancelled (a second click, or the desk changed it meanwhile) is a 409 that changes nothing.
     */
    @PostMapping("/account/appointments/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") BigDecimal feeShown,
            Authentication signedIn,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        views.own(me(signedIn), id);
        CancelTerms terms = book.cancelTerms(id);
        if (terms.fee().amount().compareTo(feeShown) > 0) {
            model.addAttribute("feeChanged", true);
            return cancelPage(id, signedIn, locale, model);
        }
        Money fee;
        try {
            fee = book.cancel(id);
        } catch (AppointmentStateConflict tooLate) {
            return refused("portal.cancel.refused", signedIn, locale, model, response);
        }
        // The session keeps flash attributes serialised: a plain decimal, not a domain type, goes there.
        redirect.addFlashAttribute("cancelledFee", fee.amount());
        return "redirect:/account";
    }

    /** Withdraws the patient's own pending request; one no longer waiting (say, just approved) is a 409. */
    @PostMapping("/account/appointments/{id}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            Authentication signedIn,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Patient me = me(signedIn);
        views.own(me, id);
        try {
            requests.withdraw(id, me.id());
        } catch (AppointmentStateConflict notWaiting) {
            model.addAttribute("withdrawRefused", true);
            return refused("portal.change.refused", signedIn, locale, model, response);
        }
        redirect.addFlashAttribute("withdrawn", true);
        return "redirect:/account";
    }

    @GetMapping("/account/appointments/{id}/reschedule")
    String reschedulePage(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Authentication signedIn,
            Locale locale,
            Model model) {
        AppointmentView appointment = views.own(me(signedIn), id);
        LocalDate from = date == null || date.isBefore(views.today()) ? views.today() : date;
        model.addAttribute("appointment", views.of(appointment, locale));
        model.addAttribute("terms", book.cancelTerms(id));
        model.addAttribute("date", from);
        model.addAttribute("slots", views.freeTimes(appointment, from, locale));
        return "portal/reschedule";
    }

    @PostMapping("/account/appointments/{id}/reschedule")
    String reschedule(
            @PathVariable UUID id,
            @RequestParam String slot,
            Authentication signedIn,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        views.own(me(signedIn), id);
        if (book.cancelTerms(id).late()) {
            return reschedulePage(id, null, signedIn, locale, model);
        }
        Instant start = startOf(slot);
        try {
            book.reschedule(id, start, UUID.fromString(slot.substring(slot.indexOf('|') + 1)));
            redirect.addFlashAttribute("moved", views.dateTime(start, locale));
            return "redirect:/account";
        } catch (SlotTaken | SlotNotOffered | PatientAlreadyBooked lost) {
            model.addAttribute("lost", lost instanceof PatientAlreadyBooked ? "own" : "taken");
            return reschedulePage(id, null, signedIn, locale, model);
        } catch (AppointmentStateConflict tooLate) {
            return refused("portal.change.refused", signedIn, locale, model, response);
        }
    }

    /** The list again with a 409 and why nothing changed (the appointment is no longer what the page showed). */
    private String refused(
            String why, Authentication signedIn, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("refused", why);
        return list(signedIn, locale, model);
    }

    /** The start of a slot button's value {@code start|therapist}; anything else is a 400. */
    static Instant startOf(String slot) {
        try {
            UUID.fromString(slot.substring(slot.indexOf('|') + 1));
            return Instant.parse(slot.substring(0, slot.indexOf('|')));
        } catch (RuntimeException malformed) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private Patient me(Authentication signedIn) {
        return accounts.signedIn(signedIn).orElseThrow(NotAPatient::new);
    }
}
