package clinic.relief.booking.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.Therapist;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff calendars: a week per therapist, and a day or a week per room. A therapist sees only their own week; room
 * calendars (every therapist's patients) are for the front desk and the owner. On a therapist's week the front desk
 * can release an unconfirmed online hold, as on the day page (same endpoint, roles and CSRF; see DayPages).
 */
@Controller
class WeekPages {

    private final AppointmentBook book;
    private final BookingViews views;
    private final CalendarWeeks weeks;

    WeekPages(AppointmentBook book, BookingViews views, CalendarWeeks weeks) {
        this.book = book;
        this.views = views;
        this.weeks = weeks;
    }

    @GetMapping("/staff/booking/week")
    String therapistWeek(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID therapist,
            Authentication auth,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        // The release buttons carry the token: its session must exist before a long week's page starts streaming.
        csrf.getToken();
        boolean desk = DayPages.isDesk(auth);
        // The desk sees the therapist it picks (the first by default); a therapist sees only their own week, and a
        // staff account that is no bookable therapist sees nothing.
        Optional<UUID> shown = desk
                ? Optional.ofNullable(therapist)
                        .or(() -> book.therapists().stream().findFirst().map(Therapist::id))
                : book.therapistSignedInAs(auth.getName()).map(Therapist::id);
        LocalDate monday = CalendarWeeks.monday(date == null ? views.today() : date);
        LocalDate sunday = monday.plusDays(6);
        model.addAttribute("therapist", shown.orElse(null));
        model.addAttribute("therapists", book.therapists());
        return show(
                monday,
                sunday,
                shown.map(id -> book.ofTherapistBetween(monday, sunday, id)).orElse(List.of()),
                "week",
                desk,
                locale,
                model);
    }

    @GetMapping("/staff/booking/rooms")
    String room(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID room,
            @RequestParam(defaultValue = "day") String span,
            Locale locale,
            Model model) {
        Optional<UUID> shown = Optional.ofNullable(room)
                .or(() -> book.rooms().keySet().stream().findFirst());
        LocalDate day = date == null ? views.today() : date;
        boolean week = "week".equals(span);
        LocalDate from = week ? CalendarWeeks.monday(day) : day;
        LocalDate to = week ? from.plusDays(6) : from;
        model.addAttribute("room", shown.orElse(null));
        model.addAttribute("rooms", book.rooms());
        return show(
                from,
                to,
                shown.map(id -> book.inRoomBetween(from, to, id)).orElse(List.of()),
                week ? "room-week" : "room-day",
                true,
                locale,
                model);
    }

    private String show(
            LocalDate from,
            LocalDate to,
            List<AppointmentView> appointments,
            String kind,
            boolean desk,
            Locale locale,
            Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("desk", desk);
        model.addAttribute("from", from);
        long length = to.toEpochDay() - from.toEpochDay() + 1;
        model.addAttribute("previous", from.minusDays(length));
        model.addAttribute("next", from.plusDays(length));
        model.addAttribute(
                "rangeLabel",
                from.equals(to) ? views.date(from, locale) : views.date(from, locale) + " – " + views.date(to, locale));
        model.addAttribute("days", weeks.days(from, to, appointments, locale));
        return "booking/week";
    }
}
