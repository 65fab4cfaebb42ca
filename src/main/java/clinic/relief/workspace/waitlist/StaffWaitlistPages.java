package clinic.relief.workspace.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.Slot;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.UnknownWaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistEntry;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waitlist for the front desk and the owner (the security rules admit no one else) at {@code /staff/waitlist}:
 * who waits for what, oldest first; add a caller (found or created by name and phone or e-mail); offer one of the
 * free times that suit a request (the patient gets booking's usual offer e-mail and link); take a request off.
 */
@Controller
class StaffWaitlistPages {

    /** One waiting request as the page lists it. */
    record Line(
            UUID id,
            UUID patientId,
            String patient,
            String service,
            String days,
            PartOfDay partOfDay,
            String therapist) {}

    private static final int LISTED = 200;
    private static final int OFFERABLE = 2_000;
    private static final int DAYS_SHOWN = 5;
    private static final int PER_DAY = 8;
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final Waitlist waitlist;
    private final Patients patients;
    private final Booking booking;
    private final AppointmentBook appointments;
    private final BookingViews views;
    private final Validator validator;
    private final Clock clock;

    StaffWaitlistPages(
            Waitlist waitlist,
            Patients patients,
            Booking booking,
            AppointmentBook appointments,
            BookingViews views,
            Validator validator,
            Clock clock) {
        this.waitlist = waitlist;
        this.patients = patients;
        this.booking = booking;
        this.appointments = appointments;
        this.views = views;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/staff/waitlist")
    String list(@RequestParam(required = false) UUID patient, Locale locale, Model model, CsrfToken csrf) {
        if (!model.containsAttribute("caller")) {
            model.addAttribute(
                    "caller", patient == null ? CallerForm.empty(today()) : CallerForm.forPatient(patient, today()));
        }
        return show(locale, model, csrf);
    }

    @PostMapping("/staff/waitlist")
    String add(
            @Valid @ModelAttribute("caller") CallerForm caller,
            BindingResult errors,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.getTarget() == null) {
            // A value no field of the page can send (a date that is no date, an id that is no id): nothing to show.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unreadable waitlist form");
        }
        if (caller.patientId() == null) {
            NewPatient form = caller.caller();
            for (ConstraintViolation<NewPatient> v : validator.validate(form)) {
                errors.rejectValue(v.getPropertyPath().toString(), "", v.getMessage());
            }
            if (!form.reachable()) {
                errors.rejectValue("phone", "patients.reachable");
            }
        }
        if (!errors.hasErrors()) {
            try {
                UUID patient = caller.patientId() != null
                        ? patients.get(caller.patientId()).id()
                        : patients.findOrCreate(caller.caller()).id();
                waitlist.join(patient, caller.request());
                redirect.addFlashAttribute("doneCode", "workspace.waitlist.added");
                return "redirect:/staff/waitlist";
            } catch (UnknownService | UnknownLength | UnknownTherapist notOffered) {
                errors.rejectValue("service", "portal.waitlist.service.required");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(locale, model, csrf);
    }

    @GetMapping("/staff/waitlist/{id}/offer")
    String offer(@PathVariable UUID id, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        WaitlistEntry entry = waitlist.get(id);
        model.addAttribute("line", line(entry, therapistNames(), locale));
        model.addAttribute("times", views.slotOptions(spread(waitlist.freeTimesFor(id, OFFERABLE)), locale, true));
        return "workspace/waitlist-offer";
    }

    @PostMapping("/staff/waitlist/{id}/offer")
    String offerTime(@PathVariable UUID id, @RequestParam String time, RedirectAttributes redirect) {
        boolean offered;
        try {
            offered = waitlist.offerTime(id, BookingViews.startOf(time), BookingViews.therapistOf(time));
        } catch (RuntimeException garbled) {
            offered = false;
        }
        redirect.addFlashAttribute("doneCode", offered ? "workspace.waitlist.offered" : null);
        redirect.addFlashAttribute("problemCode", offered ? null : "workspace.waitlist.notOffered");
        return offered ? "redirect:/staff/waitlist" : "redirect:/staff/waitlist/" + id + "/offer";
    }

    @PostMapping("/staff/waitlist/{id}/remove")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        waitlist.withdraw(id);
        redirect.addFlashAttribute("doneCode", "workspace.waitlist.removed");
        return "redirect:/staff/waitlist";
    }

    @ExceptionHandler(UnknownWaitlistEntry.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown() {
        return "error/404";
    }

    private String show(Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        Map<UUID, String> names = therapistNames();
        model.addAttribute(
                "lines",
                waitlist.waiting(LISTED).stream()
                        .map(e -> line(e, names, locale))
                        .toList());
        model.addAttribute("services", views.serviceChoices(locale));
        model.addAttribute("therapists", appointments.therapists());
        model.addAttribute("parts", PartOfDay.values());
        return "workspace/waitlist";
    }

    private Line line(WaitlistEntry e, Map<UUID, String> therapists, Locale locale) {
        String name = patients.find(e.patientId()).map(p -> p.fullName()).orElse("");
        String service;
        try {
            service = booking.service(e.serviceId()).name(locale) + " · " + e.minutes() + " min";
        } catch (UnknownService gone) {
            service = e.serviceId();
        }
        return new Line(
                e.id(),
                e.patientId(),
                name,
                service,
                DAYS.withLocale(locale).format(e.firstDay()) + " – "
                        + DAYS.withLocale(locale).format(e.lastDay()),
                e.partOfDay(),
                e.therapistId().map(id -> therapists.getOrDefault(id, "")).orElse(""));
    }

    /**
     * A few free times on each of the first few days, at most one per therapist and hour, so the desk sees the day
     * rather than its first quarter hours.
     */
    private List<Slot> spread(List<Slot> slots) {
        Map<LocalDate, List<Slot>> byDay = new LinkedHashMap<>();
        Set<String> hours = new HashSet<>();
        for (Slot slot : slots) {
            var start = slot.start().atZone(booking.zone());
            LocalDate day = start.toLocalDate();
            if (byDay.size() == DAYS_SHOWN && !byDay.containsKey(day)) {
                break;
            }
            List<Slot> ofDay = byDay.computeIfAbsent(day, d -> new ArrayList<>());
            if (ofDay.size() < PER_DAY && hours.add(slot.therapistId() + "|" + day + "|" + start.getHour())) {
                ofDay.add(slot);
            }
        }
        return byDay.values().stream().flatMap(List::stream).toList();
    }

    private Map<UUID, String> therapistNames() {
        Map<UUID, String> names = new HashMap<>();
        List<Therapist> all = appointments.therapists();
        all.forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), booking.zone());
    }
}
