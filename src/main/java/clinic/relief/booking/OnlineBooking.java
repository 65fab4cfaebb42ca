package clinic.relief.booking;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-booking for patients: pick a service and a time, then give contact details, the intake and consent. A pain
 * finder assessment id ({@code ?assessment=}) is carried along and stored as an opaque id.
 */
@Controller
class OnlineBooking {

    private final Booking booking;
    private final Patients patients;
    private final BookingViews views;
    private final BookingProblems problems;

    OnlineBooking(Booking booking, Patients patients, BookingViews views, BookingProblems problems) {
        this.booking = booking;
        this.patients = patients;
        this.views = views;
        this.problems = problems;
    }

    @GetMapping("/book")
    String times(@RequestParam(required = false) String choice,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String assessment, Locale locale, Model model) {
        LocalDate from = date == null || date.isBefore(views.today()) ? views.today() : date;
        model.addAttribute("choices", views.serviceChoices(locale));
        model.addAttribute("choice", choice);
        model.addAttribute("date", from);
        model.addAttribute("assessment", assessment);
        if (choice != null) {
            PhoneBooking.ServiceChoice picked = PhoneBooking.ServiceChoice.parse(choice);
            model.addAttribute("slots", views.slotOptions(
                    booking.availability(picked.service(), picked.minutes(), from, from.plusDays(2), null), locale, false));
        }
        return "booking/online";
    }

    @GetMapping("/book/details")
    String details(@RequestParam String choice, @RequestParam String slot,
            @RequestParam(required = false) String assessment, Locale locale, Model model) {
        model.addAttribute("form", OnlineBookingForm.start(choice, slot, assessment, UUID.randomUUID().toString()));
        return detailsPage(choice, slot, locale, model);
    }

    @PostMapping("/book/details")
    String book(@Valid @ModelAttribute("form") OnlineBookingForm form, BindingResult errors, Locale locale,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return detailsPage(form.choice(), form.slot(), locale, model);
        }
        PhoneBooking.ServiceChoice picked = PhoneBooking.ServiceChoice.parse(form.choice());
        try {
            Patient patient = patients.findOrCreate(form.patient(locale.getLanguage()));
            patients.recordIntake(patient.id(), form.intake());
            Appointment appointment = booking.book(new BookAppointment(patient.id(), picked.service(),
                    picked.minutes(), BookingViews.startOf(form.slot()), BookingViews.therapistOf(form.slot()),
                    Appointment.Source.ONLINE, form.assessmentId(), form.requestId()));
            redirect.addFlashAttribute("when", views.dateTime(appointment.session().start(), locale));
            redirect.addFlashAttribute("service", booking.service(picked.service()).name(locale));
            return "redirect:/book/done";
        } catch (SlotTaken | SlotNotOffered lost) {
            model.addAttribute("problemText", problems.of(lost, locale).getTitle());
            return detailsPage(form.choice(), form.slot(), locale, model);
        }
    }

    @GetMapping("/book/done")
    String done() {
        return "booking/done";
    }

    private String detailsPage(String choice, String slot, Locale locale, Model model) {
        PhoneBooking.ServiceChoice picked = PhoneBooking.ServiceChoice.parse(choice);
        model.addAttribute("serviceName", booking.service(picked.service()).name(locale));
        model.addAttribute("minutes", picked.minutes());
        model.addAttribute("when", views.dateTime(BookingViews.startOf(slot), locale));
        return "booking/details";
    }
}
