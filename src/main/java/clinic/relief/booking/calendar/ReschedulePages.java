package clinic.relief.booking.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.SlotTaken;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front desk moves an appointment: free times of the same service and length on a chosen day (the appointment's
 * own time counts as free), then the same domain change as the JSON API ({@link AppointmentBook#reschedule}).
 */
@Controller
class ReschedulePages {

    private final Booking booking;
    private final AppointmentBook book;
    private final BookingViews views;

    ReschedulePages(Booking booking, AppointmentBook book, BookingViews views) {
        this.booking = booking;
        this.book = book;
        this.views = views;
    }

    @GetMapping("/staff/booking/{id}/reschedule")
    String form(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String therapist,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        // A long list of times outgrows the response buffer: the token's session must exist before rendering.
        csrf.getToken();
        AppointmentView a = book.get(id);
        LocalDate day = date == null ? a.start().atZone(views.zone()).toLocalDate() : date;
        // The same therapist unless the desk asks for everyone ("any") or someone else.
        Optional<UUID> with = "any".equals(therapist)
                ? Optional.empty()
                : Optional.of(
                        therapist == null || therapist.isBlank() ? a.therapist().id() : therapistId(therapist));
        List<Slot> free = a.isBooked()
                ? booking.availabilityFor(id, new SlotSearch(a.service().id(), a.minutes(), day, day, with))
                : List.of();
        model.addAttribute("therapist", with.map(UUID::toString).orElse("any"));
        model.addAttribute("therapists", booking.therapists(a.service().id()));
        model.addAttribute("a", a);
        model.addAttribute("when", views.dateTime(a.start(), locale));
        model.addAttribute("date", day);
        model.addAttribute("slots", views.slotOptions(free, locale, true));
        return "booking/reschedule";
    }

    private static UUID therapistId(String therapist) {
        try {
            return UUID.fromString(therapist);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a therapist id", notAnId);
        }
    }

    @PostMapping("/staff/booking/{id}/reschedule")
    String move(
            @PathVariable UUID id,
            @RequestParam String slot,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String therapist,
            @RequestParam(required = false) Integer version,
            Locale locale,
            Model model,
            CsrfToken csrf,
            RedirectAttributes redirect) {
        try {
            if (version == null) {
                book.reschedule(id, BookingViews.startOf(slot), BookingViews.therapistOf(slot));
            } else {
                book.reschedule(id, version, BookingViews.startOf(slot), BookingViews.therapistOf(slot));
            }
        } catch (SlotTaken | SlotNotOffered lost) {
            model.addAttribute(
                    "problem",
                    lost instanceof SlotTaken ? "booking.problem.slotTaken" : "booking.problem.slotNotOffered");
            return form(id, date, therapist, locale, model, csrf);
        } catch (AppointmentStateConflict conflict) {
            redirect.addFlashAttribute("problem", "booking.day." + conflict.reason());
            return "redirect:/staff/booking/" + id;
        }
        redirect.addFlashAttribute("notice", "booking.reschedule.done");
        return "redirect:/staff/booking/" + id;
    }
}
