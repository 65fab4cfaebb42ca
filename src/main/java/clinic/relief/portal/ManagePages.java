package clinic.relief.portal;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingRequests;
import clinic.relief.booking.CancelTerms;
import clinic.relief.booking.ManageLinks;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotTaken;
import clinic.relief.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages behind an appointment's manage link, for a patient who is not signed in: see the appointment, confirm
 * it, cancel it (its fee shown first) or move it to another free time. Each change carries the version the page
 * showed, so a change made meanwhile (by the desk, or in another tab) is refused with a 409 and changes nothing. A
 * booking request (a new client's, awaiting the clinic's approval) shows its time and place and may only be
 * withdrawn; once approved the same link manages the visit, once declined, withdrawn or lapsed it says the request
 * ended. A bad or expired link is answered by {@link LinkProblems}.
 */
@Controller
class ManagePages {

    private final ManageLinks links;
    private final AppointmentBook book;
    private final BookingRequests requests;
    private final PortalViews views;

    ManagePages(ManageLinks links, AppointmentBook book, BookingRequests requests, PortalViews views) {
        this.links = links;
        this.book = book;
        this.requests = requests;
        this.views = views;
    }

    @GetMapping("/manage")
    String show(@RequestParam String token, Locale locale, Model model) {
        ManageLinks.Managed managed = links.open(token);
        AppointmentView appointment = managed.appointment();
        fill(token, appointment, locale, model);
        model.addAttribute("confirmed", managed.confirmed());
        boolean requestEnded =
                appointment.status() == AppointmentStatus.CANCELLED && requests.endedWithoutVisit(appointment.id());
        model.addAttribute("requestEnded", requestEnded);
        // A request awaiting approval (or one that ended without a visit) is titled as a request, not an appointment.
        model.addAttribute("bookingRequest", requestEnded || appointment.status() == AppointmentStatus.REQUESTED);
        return "portal/manage";
    }

    /**
     * Withdraws the booking request the page showed (the same withdrawal as the account's); one no longer waiting
     * (approved, declined, lapsed, withdrawn already) or changed since is a 409 that says so, and nothing changes.
     */
    @PostMapping("/manage/withdraw")
    String withdraw(
            @RequestParam String token,
            @RequestParam int version,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AppointmentView appointment = links.open(token).appointment();
        try {
            requests.withdraw(appointment.id(), appointment.patient().id(), version);
        } catch (AppointmentStateConflict notWaiting) {
            model.addAttribute("withdrawRefused", true);
            return refused(token, locale, model, response);
        }
        redirect.addFlashAttribute("done", "withdrawn");
        return back(token, redirect);
    }

    @PostMapping("/manage/confirm")
    String confirm(
            @RequestParam String token,
            @RequestParam int version,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID id = links.open(token).appointment().id();
        try {
            links.confirm(id, version);
        } catch (AppointmentStateConflict refused) {
            return refused(token, locale, model, response);
        }
        redirect.addFlashAttribute("done", "confirmed");
        return back(token, redirect);
    }

    @GetMapping("/manage/cancel")
    String cancelPage(@RequestParam String token, Locale locale, Model model) {
        AppointmentView appointment = links.open(token).appointment();
        if (appointment.status() == AppointmentStatus.REQUESTED) {
            return toRequest(token);
        }
        fill(token, appointment, locale, model);
        model.addAttribute("terms", book.cancelTerms(appointment.id()));
        return "portal/manage-cancel";
    }

    /** Cancels; if the fee grew since the page was shown (the window began meanwhile), asks again instead. */
    @PostMapping("/manage/cancel")
    String cancel(
            @RequestParam String token,
            @RequestParam int version,
            @RequestParam(defaultValue = "0") BigDecimal feeShown,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID id = links.open(token).appointment().id();
        CancelTerms terms = book.cancelTerms(id);
        if (terms.fee().amount().compareTo(feeShown) > 0) {
            model.addAttribute("feeChanged", true);
            return cancelPage(token, locale, model);
        }
        Money fee;
        try {
            fee = book.cancel(id, version);
        } catch (AppointmentStateConflict refused) {
            return refused(token, locale, model, response);
        }
        redirect.addFlashAttribute("done", "cancelled");
        redirect.addFlashAttribute("cancelledFee", fee.amount());
        return back(token, redirect);
    }

    @GetMapping("/manage/move")
    String movePage(
            @RequestParam String token,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Locale locale,
            Model model) {
        AppointmentView appointment = links.open(token).appointment();
        if (appointment.status() == AppointmentStatus.REQUESTED) {
            return toRequest(token);
        }
        LocalDate from = date == null || date.isBefore(views.today()) ? views.today() : date;
        fill(token, appointment, locale, model);
        model.addAttribute("terms", book.cancelTerms(appointment.id()));
        model.addAttribute("date", from);
        model.addAttribute("slots", views.freeTimes(appointment, from, locale));
        return "portal/manage-move";
    }

    /** Moves to the chosen free time; a time taken meanwhile is refused with the reason, and nothing changes. */
    @PostMapping("/manage/move")
    String move(
            @RequestParam String token,
            @RequestParam int version,
            @RequestParam String slot,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID id = links.open(token).appointment().id();
        Instant start = MyAppointments.startOf(slot);
        if (book.cancelTerms(id).late()) {
            return movePage(token, null, locale, model);
        }
        try {
            book.reschedule(id, version, start, UUID.fromString(slot.substring(slot.indexOf('|') + 1)));
        } catch (SlotTaken | SlotNotOffered | PatientAlreadyBooked lost) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("lost", lost instanceof PatientAlreadyBooked ? "own" : "taken");
            return movePage(token, null, locale, model);
        } catch (AppointmentStateConflict refused) {
            return refused(token, locale, model, response);
        }
        redirect.addFlashAttribute("done", "moved");
        return back(token, redirect);
    }

    private void fill(String token, AppointmentView appointment, Locale locale, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("version", appointment.version());
        model.addAttribute("appointment", views.of(appointment, locale));
    }

    /** The appointment as it is now, with a 409 and why nothing changed. */
    private String refused(String token, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("refused", true);
        return show(token, locale, model);
    }

    /** A request is neither moved nor cancelled: its link's own page (withdraw) instead. */
    private static String toRequest(String token) {
        return "redirect:/manage?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String back(String token, RedirectAttributes redirect) {
        redirect.addAttribute("token", token);
        return "redirect:/manage";
    }
}
