package clinic.relief.booking.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.BookingViews.PickedService;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.web.BookingProblems;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Booking a phone caller on one page: type a few letters or digits to find the patient (or add them), pick a service,
 * length and day, press a free time (for a couples massage, a time with the two therapists it names). Front desk and
 * owner only (see the security configuration).
 */
@Controller
class PhoneBooking {

    private final Booking booking;
    private final Patients patients;
    private final BookingViews views;
    private final BookingProblems problems;

    PhoneBooking(Booking booking, Patients patients, BookingViews views, BookingProblems problems) {
        this.booking = booking;
        this.patients = patients;
        this.views = views;
        this.problems = problems;
    }

    @GetMapping("/staff/booking/new")
    String page(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID patient,
            @RequestParam(required = false) String choice,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        csrf.getToken(); // long result lists: the token's session must exist before rendering starts
        model.addAttribute("q", q);
        model.addAttribute("found", patient == null ? patients.search(q) : List.of());
        model.addAttribute("patient", patient == null ? null : patients.get(patient));
        if (!model.containsAttribute("newPatient")) {
            model.addAttribute("newPatient", new NewPatient(null, null, null, null, null, locale.getLanguage()));
        }
        LocalDate day = date == null ? views.today() : date;
        model.addAttribute("date", day);
        model.addAttribute("choices", views.serviceChoices(locale));
        model.addAttribute("choice", choice);
        model.addAttribute("requestId", UUID.randomUUID());
        if (patient != null && choice != null) {
            PickedService picked = PickedService.parse(choice);
            model.addAttribute(
                    "slots",
                    views.slotOptions(
                            booking.availability(SlotSearch.withAnyone(picked.service(), picked.minutes(), day, day)),
                            locale,
                            true));
        }
        return "booking/phone";
    }

    @PostMapping("/staff/booking/patients")
    String addPatient(
            @Valid @ModelAttribute("newPatient") NewPatient form, BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasErrors() && !form.reachable()) {
            errors.rejectValue("phone", "patients.reachable");
        }
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.newPatient", errors);
            redirect.addFlashAttribute("newPatient", form);
            return "redirect:/staff/booking/new";
        }
        Patient patient = patients.findOrCreate(form);
        return "redirect:/staff/booking/new?patient=" + patient.id();
    }

    @PostMapping("/staff/booking/new")
    String book(
            @RequestParam UUID patient,
            @RequestParam String choice,
            @RequestParam String slot,
            @RequestParam String requestId,
            Locale locale,
            RedirectAttributes redirect) {
        PickedService picked = PickedService.parse(choice);
        patients.get(patient); // an id no search offered: 404, before anything is written
        try {
            Appointment appointment = booking.book(new BookAppointment(
                    patient,
                    picked.service(),
                    picked.minutes(),
                    BookingViews.startOf(slot),
                    Optional.of(BookingViews.therapistOf(slot)),
                    Appointment.Source.FRONT_DESK,
                    null,
                    requestId,
                    BookingViews.secondTherapistOf(slot)));
            redirect.addFlashAttribute("notice", "booking.phone.booked");
            return "redirect:/staff/booking?date="
                    + appointment.session().start().atZone(views.zone()).toLocalDate();
        } catch (SlotTaken | SlotNotOffered lost) {
            redirect.addFlashAttribute("problemText", problems.of(lost, locale).getTitle());
            return "redirect:/staff/booking/new?patient=" + patient + "&choice=" + choice + "&date="
                    + BookingViews.startOf(slot).atZone(views.zone()).toLocalDate();
        }
    }
}
