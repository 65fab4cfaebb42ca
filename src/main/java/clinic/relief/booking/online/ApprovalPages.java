package clinic.relief.booking.online;

import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Approvals;
import clinic.relief.booking.BookingViews;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Booking requests of new clients: the patient's "request received" page, and the front desk's list where each
 * request is approved or declined (front desk and owner only; see BookingRequestRules). A decision on something
 * no longer awaiting one answers 409 and changes nothing; an approval too late for the minimum notice lapses the
 * request and says so.
 */
@Controller
class ApprovalPages {

    static final int REASON_MAX = 500;

    private final Approvals approvals;
    private final BookingViews views;

    ApprovalPages(Approvals approvals, BookingViews views) {
        this.approvals = approvals;
        this.views = views;
    }

    @GetMapping("/book/requested")
    String requested() {
        return "booking/requested";
    }

    @GetMapping("/staff/booking/requests")
    String list(Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute(
                "requests",
                approvals.awaiting().stream()
                        .map(a -> new Request(a, views.dateTime(a.start(), locale)))
                        .toList());
        return "booking/requests";
    }

    /** One request as listed: the appointment and its time in the clinic's zone. */
    record Request(AppointmentView appointment, String when) {}

    @PostMapping("/staff/booking/requests/{id}/approve")
    String approve(
            @PathVariable UUID id,
            Authentication staff,
            Locale locale,
            Model model,
            HttpServletResponse response,
            CsrfToken csrf,
            RedirectAttributes redirect) {
        Approvals.Approval approval;
        try {
            approval = approvals.approve(id, staff.getName());
        } catch (AppointmentStateConflict conflict) {
            return refused(conflict, locale, model, response, csrf);
        }
        if (approval == Approvals.Approval.LAPSED) {
            redirect.addFlashAttribute("problem", "booking.requests.tooLate");
        } else {
            redirect.addFlashAttribute("notice", "booking.requests.approved");
        }
        return "redirect:/staff/booking/requests";
    }

    @PostMapping("/staff/booking/requests/{id}/decline")
    String decline(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Authentication staff,
            Locale locale,
            Model model,
            HttpServletResponse response,
            CsrfToken csrf,
            RedirectAttributes redirect) {
        if (reason != null && reason.length() > REASON_MAX) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "booking.requests.reasonTooLong");
            return list(locale, model, csrf);
        }
        try {
            approvals.decline(id, reason, staff.getName());
        } catch (AppointmentStateConflict conflict) {
            return refused(conflict, locale, model, response, csrf);
        }
        redirect.addFlashAttribute("notice", "booking.requests.declined");
        return "redirect:/staff/booking/requests";
    }

    private String refused(
            AppointmentStateConflict conflict,
            Locale locale,
            Model model,
            HttpServletResponse response,
            CsrfToken csrf) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute(
                "problem", "booking.requests.notAwaiting." + conflict.current().name());
        return list(locale, model, csrf);
    }
}
