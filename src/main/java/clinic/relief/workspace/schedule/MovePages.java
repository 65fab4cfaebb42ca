package clinic.relief.workspace.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.schedule.ScheduleDays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving an appointment from the grid (drag, arrow keys) or the panel's form (no JavaScript): a confirm page that
 * shows the change (old and new time, therapist, room) and the e-mail that goes out, then the same domain change as
 * every other reschedule ({@link AppointmentBook#reschedule}). The page carries the token of the appointment it was
 * drawn from; if anyone changed the appointment since, the move is refused as stale and the grid is drawn afresh.
 * Front desk and owner only (see the security configuration).
 */
@Controller
class MovePages {

    private final AppointmentBook book;
    private final Booking booking;
    private final BookingViews views;
    private final ScheduleDays days;

    MovePages(AppointmentBook book, Booking booking, BookingViews views, ScheduleDays days) {
        this.book = book;
        this.booking = booking;
        this.views = views;
        this.days = days;
    }

    @GetMapping("/staff/schedule/appointments/{id}/move")
    String confirm(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID therapist,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime time,
            @RequestParam String token,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        AppointmentView a = book.get(id);
        if (!Tokens.matches(a, token)) {
            return stale(a, redirect);
        }
        model.addAttribute("a", a);
        model.addAttribute("token", token);
        model.addAttribute("when", views.dateTime(a.start(), locale));
        model.addAttribute("therapists", book.therapists());
        model.addAttribute("extraStyles", List.of("/css/schedule.css"));
        if (therapist == null || date == null || time == null) {
            model.addAttribute("date", a.start().atZone(views.zone()).toLocalDate());
            model.addAttribute("time", a.start().atZone(views.zone()).toLocalTime());
            return "workspace/schedule-move-form";
        }
        model.addAttribute("therapist", therapist);
        model.addAttribute("date", date);
        model.addAttribute("time", time);
        model.addAttribute("newWhen", views.dateTime(startOf(date, time), locale));
        model.addAttribute(
                "newTherapist",
                book.therapists().stream()
                        .filter(t -> t.id().equals(therapist))
                        .map(Therapist::name)
                        .findFirst()
                        .orElse(""));
        try {
            Optional<Slot> slot = offered(a, therapist, date, time);
            model.addAttribute(
                    "newRoom", slot.map(Slot::roomId).map(book.rooms()::get).orElse(null));
            model.addAttribute("refusal", slot.isPresent() ? null : whyNot(a, therapist, date, time));
        } catch (UnknownTherapist unknown) {
            model.addAttribute("newRoom", null);
            model.addAttribute("refusal", "schedule.move.notGiven");
        }
        model.addAttribute("mails", a.patient().email() != null);
        return "workspace/schedule-move";
    }

    @PostMapping("/staff/schedule/appointments/{id}/move")
    String move(
            @PathVariable UUID id,
            @RequestParam UUID therapist,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime time,
            @RequestParam String token,
            RedirectAttributes redirect) {
        AppointmentView a = book.get(id);
        if (!Tokens.matches(a, token)) {
            return stale(a, redirect);
        }
        String problem;
        try {
            book.reschedule(id, startOf(date, time), therapist);
            redirect.addFlashAttribute("notice", "schedule.move.done");
            return "redirect:/staff/schedule?date=" + date + "&therapist=" + therapist;
        } catch (SlotTaken taken) {
            problem = "schedule.move.taken";
        } catch (SlotNotOffered notOffered) {
            problem = "schedule.move.closed";
        } catch (PatientAlreadyBooked patientBusy) {
            problem = "schedule.move.patientBusy";
        } catch (UnknownTherapist unknown) {
            problem = "schedule.move.notGiven";
        } catch (AppointmentStateConflict conflict) {
            problem = "schedule.stale";
        }
        redirect.addFlashAttribute("problem", problem);
        return gridOf(a);
    }

    private Optional<Slot> offered(AppointmentView a, UUID therapist, LocalDate date, LocalTime time) {
        return booking
                .availabilityFor(
                        a.id(), new SlotSearch(a.service().id(), a.minutes(), date, date, Optional.of(therapist)))
                .stream()
                .filter(slot -> slot.start().equals(startOf(date, time)))
                .findFirst();
    }

    /** Why a start is not offered: outside the therapist's hours (or in a break or time off), or held by others. */
    private String whyNot(AppointmentView a, UUID therapist, LocalDate date, LocalTime time) {
        TimeRange session = TimeRange.of(startOf(date, time), Duration.ofMinutes(a.minutes()));
        boolean working = days.between(date, date)
                .day(therapist, date)
                .map(day -> day.hours().stream().anyMatch(hours -> hours.contains(session))
                        && day.breaks().stream().noneMatch(session::overlaps)
                        && day.timeOff().stream().noneMatch(session::overlaps))
                .orElse(false);
        return working ? "schedule.move.taken" : "schedule.move.closed";
    }

    private String stale(AppointmentView a, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "schedule.stale");
        return gridOf(a);
    }

    private String gridOf(AppointmentView a) {
        return "redirect:/staff/schedule?date=" + a.start().atZone(views.zone()).toLocalDate() + "&therapist="
                + a.therapist().id();
    }

    private Instant startOf(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, views.zone()).toInstant();
    }
}
