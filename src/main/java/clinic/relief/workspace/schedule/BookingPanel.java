package clinic.relief.workspace.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.BookingViews.PickedService;
import clinic.relief.booking.BookingViews.ServiceChoice;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Booking from a free cell of the grid ({@code /staff/schedule/new?therapist=&date=&time=}): find or add the patient,
 * pick the service and length the therapist gives, confirm (time, therapist, room, price, the e-mail that goes out),
 * and book through {@link Booking#book} like every front-desk booking. A refusal (the time taken meanwhile, a closed
 * hour, the patient booked elsewhere then) is shown with its reason and nothing is booked. Front desk and owner only.
 */
@Controller
class BookingPanel {

    private final Booking booking;
    private final AppointmentBook book;
    private final Patients patients;
    private final BookingViews views;

    BookingPanel(Booking booking, AppointmentBook book, Patients patients, BookingViews views) {
        this.booking = booking;
        this.book = book;
        this.patients = patients;
        this.views = views;
    }

    @GetMapping("/staff/schedule/new")
    String panel(
            @RequestParam UUID therapist,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime time,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID patient,
            @RequestParam(required = false) String choice,
            Locale locale,
            Model model) {
        Therapist with = book.therapists().stream()
                .filter(t -> t.id().equals(therapist))
                .findFirst()
                .orElseThrow(() -> new UnknownTherapist(therapist, "any"));
        Instant start = ZonedDateTime.of(date, time, views.zone()).toInstant();
        model.addAttribute("therapist", with);
        model.addAttribute("date", date);
        model.addAttribute("time", time);
        model.addAttribute("when", views.dateTime(start, locale));
        model.addAttribute("q", q);
        model.addAttribute("found", patient == null && q != null ? patients.search(q) : List.of());
        model.addAttribute("patient", patient == null ? null : patients.get(patient));
        model.addAttribute("extraStyles", List.of("/css/schedule.css"));
        if (!model.containsAttribute("newPatient")) {
            model.addAttribute("newPatient", new NewPatient(null, null, null, null, null, locale.getLanguage()));
        }
        model.addAttribute("choices", choices(therapist, locale));
        model.addAttribute("choice", choice);
        if (patient != null && choice != null) {
            PickedService picked = PickedService.parse(choice);
            Optional<Slot> slot =
                    booking
                            .availability(SlotSearch.with(therapist, picked.service(), picked.minutes(), date, date))
                            .stream()
                            .filter(s -> s.start().equals(start))
                            .findFirst();
            model.addAttribute("offered", slot.isPresent());
            model.addAttribute(
                    "room", slot.map(Slot::roomId).map(book.rooms()::get).orElse(null));
            model.addAttribute("service", booking.service(picked.service()));
            model.addAttribute("minutes", picked.minutes());
            model.addAttribute("price", booking.service(picked.service()).price(picked.minutes()));
            model.addAttribute("requestId", UUID.randomUUID());
        }
        return "workspace/schedule-new";
    }

    /** The services and lengths this therapist gives. */
    private List<ServiceChoice> choices(UUID therapist, Locale locale) {
        return views.serviceChoices(locale).stream()
                .filter(c -> booking.therapists(PickedService.parse(c.value()).service()).stream()
                        .anyMatch(t -> t.id().equals(therapist)))
                .toList();
    }

    @PostMapping("/staff/schedule/patients")
    String addPatient(
            @RequestParam UUID therapist,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime time,
            @Valid @ModelAttribute("newPatient") NewPatient form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && !form.reachable()) {
            errors.rejectValue("phone", "patients.reachable");
        }
        UriComponentsBuilder back = panelUrl(therapist, date, time);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.newPatient", errors);
            redirect.addFlashAttribute("newPatient", form);
            return "redirect:" + back.toUriString();
        }
        Patient patient = patients.findOrCreate(form);
        return "redirect:" + back.queryParam("patient", patient.id()).toUriString();
    }

    @PostMapping("/staff/schedule/new")
    String book(
            @RequestParam UUID therapist,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime time,
            @RequestParam UUID patient,
            @RequestParam String choice,
            @RequestParam String requestId,
            RedirectAttributes redirect) {
        PickedService picked = PickedService.parse(choice);
        String problem;
        try {
            Appointment appointment = booking.book(new BookAppointment(
                    patient,
                    picked.service(),
                    picked.minutes(),
                    ZonedDateTime.of(date, time, views.zone()).toInstant(),
                    Optional.of(therapist),
                    Appointment.Source.FRONT_DESK,
                    null,
                    requestId));
            redirect.addFlashAttribute("notice", "schedule.new.booked");
            return "redirect:/staff/schedule/appointments/" + appointment.id();
        } catch (SlotTaken taken) {
            problem = "schedule.move.taken";
        } catch (SlotNotOffered notOffered) {
            problem = "schedule.move.closed";
        } catch (PatientAlreadyBooked patientBusy) {
            problem = "schedule.move.patientBusy";
        } catch (UnknownTherapist unknown) {
            problem = "schedule.move.notGiven";
        }
        redirect.addFlashAttribute("problem", problem);
        return "redirect:"
                + panelUrl(therapist, date, time)
                        .queryParam("patient", patient)
                        .queryParam("choice", choice)
                        .toUriString();
    }

    private static UriComponentsBuilder panelUrl(UUID therapist, LocalDate date, LocalTime time) {
        return UriComponentsBuilder.fromPath("/staff/schedule/new")
                .queryParam("therapist", therapist)
                .queryParam("date", date)
                .queryParam("time", time);
    }
}
