package clinic.relief.booking.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.UnknownAppointment;
import clinic.relief.booking.online.OnlineHolds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The day view per therapist and the front desk's changes to an appointment (check-in and its undo, complete,
 * no-show, cancel), including releasing an unconfirmed online hold. Front desk and owner see and change every appointment; a therapist sees only their own day and
 * changes nothing here (the security configuration refuses their POSTs).
 */
@Controller
class DayPages {

    private final AppointmentBook book;
    private final BookingViews views;
    private final CalendarFeeds feeds;
    private final OnlineHolds holds;

    DayPages(AppointmentBook book, BookingViews views, CalendarFeeds feeds, OnlineHolds holds) {
        this.book = book;
        this.views = views;
        this.feeds = feeds;
        this.holds = holds;
    }

    @GetMapping("/staff/booking")
    String day(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID therapist,
            Authentication auth,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        // A long day's page outgrows the response buffer: the token's session must exist before rendering starts.
        csrf.getToken();
        LocalDate day = date == null ? views.today() : date;
        boolean desk = isDesk(auth);
        // A therapist sees only their own day; a staff account that is no bookable therapist sees nothing.
        Optional<UUID> own = desk
                ? Optional.empty()
                : book.therapistSignedInAs(auth.getName()).map(Therapist::id);
        UUID shown = desk ? therapist : own.orElse(null);
        List<AppointmentView> appointments = desk
                ? (therapist == null ? book.day(day) : book.day(day, therapist))
                : own.map(id -> book.day(day, id)).orElse(List.of());
        model.addAttribute("date", day);
        model.addAttribute("dateLabel", views.date(day, locale));
        model.addAttribute("desk", desk);
        model.addAttribute("therapist", shown);
        model.addAttribute("hasFeed", own.map(feeds::exists).orElse(false));
        model.addAttribute("therapists", book.therapists());
        model.addAttribute(
                "appointments",
                appointments.stream()
                        .map(a -> new Row(a, views.time(a.start(), locale), views.time(a.end(), locale)))
                        .toList());
        return "booking/day";
    }

    /** One line of the day: the appointment and its times in the clinic's zone. */
    record Row(AppointmentView appointment, String starts, String ends) {}

    /**
     * Applies the change, then returns to the day or, with {@code back=week}, to the therapist's week it came from,
     * or with {@code back=appointment} to the appointment's own page. With {@code version} (the one the page showed)
     * the change applies only if nobody changed the appointment since; a refused change says why and changes nothing.
     */
    @PostMapping("/staff/booking/{id}/{change}")
    String change(
            @PathVariable UUID id,
            @PathVariable String change,
            @RequestParam(defaultValue = "day") String back,
            @RequestParam(required = false) Integer version,
            Authentication auth,
            RedirectAttributes redirect) {
        AppointmentView appointment = book.get(id);
        LocalDate date = appointment.start().atZone(views.zone()).toLocalDate();
        try {
            apply(id, change, version == null ? OptionalInt.empty() : OptionalInt.of(version), auth.getName());
            redirect.addFlashAttribute("notice", "booking.day.changed." + change);
        } catch (AppointmentStateConflict conflict) {
            redirect.addFlashAttribute("problem", "booking.day." + conflict.reason());
        }
        // Only these fixed targets: the parameter never becomes part of the URL itself.
        return switch (back) {
            case "week" ->
                "redirect:/staff/booking/week?date=" + date + "&therapist="
                        + appointment.therapist().id();
            case "appointment" -> "redirect:/staff/booking/" + id;
            default -> "redirect:/staff/booking?date=" + date;
        };
    }

    private void apply(UUID id, String change, OptionalInt version, String staff) {
        if ("release".equals(change)) {
            holds.release(id, staff);
            return;
        }
        if (version.isEmpty()) {
            switch (change) {
                case "check-in" -> book.checkIn(id);
                case "undo-check-in" -> book.undoCheckIn(id);
                case "complete" -> book.complete(id);
                case "no-show" -> book.markNoShow(id);
                case "cancel" -> book.cancel(id);
                default -> throw new UnknownAppointment(id);
            }
            return;
        }
        int seen = version.getAsInt();
        switch (change) {
            case "check-in" -> book.checkIn(id, seen);
            case "undo-check-in" -> book.undoCheckIn(id, seen);
            case "complete" -> book.complete(id, seen);
            case "no-show" -> book.markNoShow(id, seen);
            case "cancel" -> book.cancel(id, seen);
            default -> throw new UnknownAppointment(id);
        }
    }

    static boolean isDesk(Authentication auth) {
        var roles = AuthorityUtils.authorityListToSet(auth.getAuthorities());
        return roles.contains("ROLE_FRONT_DESK") || roles.contains("ROLE_OWNER");
    }
}
