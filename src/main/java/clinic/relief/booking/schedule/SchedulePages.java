package clinic.relief.booking.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.Therapist;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's schedule editors (the security configuration lets only the owner in): a therapist's weekly hours,
 * breaks and services, their time off, and the rooms. Every form is checked whole before anything is written.
 */
@Controller
class SchedulePages {

    private final ScheduleEditor editor;
    private final Booking booking;
    private final AppointmentBook book;
    private final BookingViews views;

    SchedulePages(ScheduleEditor editor, Booking booking, AppointmentBook book, BookingViews views) {
        this.editor = editor;
        this.booking = booking;
        this.book = book;
        this.views = views;
    }

    /** A room's name, as typed into the add and rename forms. */
    record RoomForm(
            @NotBlank(message = "{booking.rooms.name.required}") @Size(max = 80, message = "{booking.rooms.name.long}")
            String name) {}

    /** Whole days off, both inclusive. */
    record TimeOffForm(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {}

    @GetMapping("/staff/schedules")
    String index(Model model, CsrfToken csrf) {
        // A long page outgrows the response buffer: the token's session must exist before rendering starts.
        csrf.getToken();
        if (!model.containsAttribute("roomForm")) {
            model.addAttribute("roomForm", new RoomForm(""));
        }
        model.addAttribute("therapists", book.therapists());
        model.addAttribute("rooms", editor.rooms());
        return "booking/schedules";
    }

    @GetMapping("/staff/schedules/therapists/{id}")
    String therapist(@PathVariable UUID id, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", editor.form(id));
        }
        if (!model.containsAttribute("timeOffForm")) {
            model.addAttribute("timeOffForm", new TimeOffForm(null, null));
        }
        model.addAttribute("therapist", named(id));
        model.addAttribute(
                "dayNames",
                Arrays.stream(DayOfWeek.values())
                        .map(d -> d.getDisplayName(TextStyle.FULL, locale))
                        .toList());
        model.addAttribute(
                "services",
                booking.services().stream()
                        .map(s -> new BookingViews.ServiceChoice(s.id(), s.name(locale)))
                        .toList());
        model.addAttribute(
                "timeOff",
                editor.timeOff(id).stream()
                        .map(t -> new BookingViews.ServiceChoice(
                                t.id().toString(),
                                views.date(t.start().atZone(views.zone()).toLocalDate(), locale) + " – "
                                        + views.date(
                                                t.end()
                                                        .atZone(views.zone())
                                                        .toLocalDate()
                                                        .minusDays(1),
                                                locale)))
                        .toList());
        return "booking/therapist-schedule";
    }

    @PostMapping("/staff/schedules/therapists/{id}")
    String saveWeek(
            @PathVariable UUID id,
            @ModelAttribute("form") ScheduleForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            CsrfToken csrf,
            RedirectAttributes redirect) {
        named(id);
        if (errors.getTarget() == null) {
            // A day or service the page's own inputs never send (no form could be built): nothing to show again.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (!errors.hasErrors()) {
            ScheduleChecks.check(form, editor.offered(), errors);
        }
        if (errors.hasErrors()) {
            return therapist(id, locale, model, csrf);
        }
        editor.save(id, form);
        redirect.addFlashAttribute("notice", "booking.schedule.saved");
        return "redirect:/staff/schedules/therapists/" + id;
    }

    @PostMapping("/staff/schedules/therapists/{id}/time-off")
    String addTimeOff(
            @PathVariable UUID id,
            @ModelAttribute("timeOffForm") TimeOffForm form,
            BindingResult errors,
            Locale locale,
            Model model,
            CsrfToken csrf,
            RedirectAttributes redirect) {
        named(id);
        if (errors.getTarget() == null) {
            // Not a date at all (the page's date inputs never send that): nothing to show the form again with.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (form.from() == null) {
            errors.rejectValue("from", "booking.timeOff.required");
        } else if (form.from().isBefore(views.today())) {
            errors.rejectValue("from", "booking.timeOff.past");
        }
        if (form.to() == null) {
            errors.rejectValue("to", "booking.timeOff.required");
        } else if (form.from() != null && form.to().isBefore(form.from())) {
            errors.rejectValue("to", "booking.timeOff.endBeforeStart");
        }
        if (errors.hasErrors()) {
            return therapist(id, locale, model, csrf);
        }
        editor.addTimeOff(id, form.from(), form.to(), views.zone());
        redirect.addFlashAttribute("notice", "booking.timeOff.added");
        return "redirect:/staff/schedules/therapists/" + id;
    }

    @PostMapping("/staff/schedules/therapists/{id}/time-off/{off}/remove")
    String removeTimeOff(@PathVariable UUID id, @PathVariable UUID off, RedirectAttributes redirect) {
        editor.removeTimeOff(id, off);
        redirect.addFlashAttribute("notice", "booking.timeOff.removed");
        return "redirect:/staff/schedules/therapists/" + id;
    }

    @PostMapping("/staff/schedules/rooms")
    String addRoom(
            @Valid @ModelAttribute("roomForm") RoomForm form,
            BindingResult errors,
            Model model,
            CsrfToken csrf,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && !editor.addRoom(form.name().strip())) {
            errors.rejectValue("name", "booking.rooms.name.taken");
        }
        if (errors.hasErrors()) {
            return index(model, csrf);
        }
        redirect.addFlashAttribute("notice", "booking.rooms.added");
        return "redirect:/staff/schedules";
    }

    @PostMapping("/staff/schedules/rooms/{id}/rename")
    String rename(
            @PathVariable UUID id,
            @Valid @ModelAttribute("renameForm") RoomForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        boolean renamed = !errors.hasErrors() && editor.rename(id, form.name().strip());
        redirect.addFlashAttribute(
                renamed ? "notice" : "problem",
                renamed
                        ? "booking.rooms.renamed"
                        : errors.hasErrors() ? "booking.rooms.name.required" : "booking.rooms.name.taken");
        return "redirect:/staff/schedules";
    }

    @PostMapping("/staff/schedules/rooms/{id}/deactivate")
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        int upcoming = editor.deactivate(id);
        if (upcoming > 0) {
            redirect.addFlashAttribute("problem", "booking.rooms.busy");
            redirect.addFlashAttribute("busyCount", upcoming);
        } else {
            redirect.addFlashAttribute("notice", "booking.rooms.deactivated");
        }
        return "redirect:/staff/schedules";
    }

    @PostMapping("/staff/schedules/rooms/{id}/activate")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        editor.activate(id);
        redirect.addFlashAttribute("notice", "booking.rooms.activated");
        return "redirect:/staff/schedules";
    }

    private Therapist named(UUID id) {
        return book.therapists().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
