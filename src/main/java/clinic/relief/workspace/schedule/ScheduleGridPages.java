package clinic.relief.workspace.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.schedule.ScheduleDays;
import clinic.relief.clinic.ClinicProfile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The schedule: {@code /staff/schedule?date=&view=day|week&by=therapist|room&therapist=}. Front desk and owner see
 * every therapist and room and may book and move; a therapist sees only their own column (and no room view, which
 * would show other therapists' clients).
 */
@Controller
class ScheduleGridPages {

    private final ScheduleDays days;
    private final AppointmentBook book;
    private final BookingViews views;
    private final ClinicHours clinic;
    private final DayGrids grids;

    ScheduleGridPages(ScheduleDays days, AppointmentBook book, BookingViews views, ClinicProfile profile, Clock clock) {
        this.days = days;
        this.book = book;
        this.views = views;
        this.clinic = new ClinicHours(profile.hours());
        this.grids = new DayGrids(views.zone(), clock);
    }

    @GetMapping("/staff/schedule")
    String schedule(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "day") String view,
            @RequestParam(defaultValue = "therapist") String by,
            @RequestParam(required = false) UUID therapist,
            Authentication auth,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        csrf.getToken(); // a full day outgrows the response buffer: the session must exist before rendering
        LocalDate day = date == null ? views.today() : date;
        boolean desk = StaffRoles.isDesk(auth);
        Optional<UUID> own = desk
                ? Optional.empty()
                : book.therapistSignedInAs(auth.getName()).map(Therapist::id);
        Predicate<UUID> shown = desk ? id -> true : id -> own.map(id::equals).orElse(false);
        boolean week = "week".equals(view);
        boolean byRoom = desk && "room".equals(by);
        model.addAttribute("date", day);
        model.addAttribute("today", views.today());
        model.addAttribute("week", week);
        model.addAttribute("byRoom", byRoom);
        model.addAttribute("desk", desk);
        model.addAttribute("therapist", therapist);
        model.addAttribute("extraStyles", List.of("/css/schedule.css"));
        model.addAttribute("extraScripts", List.of("/js/schedule.js"));
        if (week) {
            LocalDate monday = WeekGrid.monday(day);
            model.addAttribute(
                    "dateLabel", views.date(monday, locale) + " – " + views.date(monday.plusDays(6), locale));
            model.addAttribute("previous", monday.minusWeeks(1));
            model.addAttribute("next", monday.plusWeeks(1));
            model.addAttribute(
                    "weekGrid", WeekGrid.of(days.between(monday, monday.plusDays(6)), shown, views.zone(), locale));
            return "workspace/schedule-week";
        }
        model.addAttribute("dateLabel", views.date(day, locale));
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute(
                "grid",
                grids.build(
                        days.between(day, day),
                        new DayGrids.Request(
                                day, byRoom, Optional.ofNullable(therapist), shown, clinic, desk, locale)));
        return "workspace/schedule";
    }
}
