package clinic.relief.booking.online;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.Approvals;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.BookingViews.PickedService;
import clinic.relief.booking.ManageLinks;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.SlotNotOffered;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.spi.OnlineDeposits;
import clinic.relief.booking.web.BookingProblems;
import clinic.relief.patients.ConsentVersions;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.sms.Consents;
import clinic.relief.sms.PhoneNumbers;
import clinic.relief.staff.StaffMember;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-booking for patients: pick a service and a time, then give contact details, the intake and consent. A pain
 * finder assessment id ({@code ?assessment=}) is carried along and stored as an opaque id. A visitor who is not
 * signed in gets a hold confirmed by an e-mailed link ({@link OnlineHolds}), or, for a service with a deposit, a hold
 * booked when Stripe says the deposit was paid ({@link OnlineDeposits}). The patient may choose a therapist, or
 * only therapists who speak their language ({@link TherapistChoice}); the default is the first free therapist.
 */
@Controller
class OnlineBooking {

    /** How many days of free times the times page shows at once: two weeks. */
    static final int DAYS_SHOWN = 14;

    /**
     * The outer bound recorded with a visitor's deposit hold; the payments module ends it much sooner (when the
     * Checkout page expires, at most a day ahead).
     */
    static final Duration VISITOR_DEPOSIT_HOLD_BOUND = Duration.ofDays(1);

    private final Booking booking;
    private final Patients patients;
    private final OnlineHolds holds;
    private final PatientAccounts accounts;
    private final BookingViews views;
    private final BookingProblems problems;
    private final Approvals approvals;
    private final TherapistChoice therapistChoice;
    private final Consents consents;
    private final PhoneNumbers phones;
    private final Optional<OnlineDeposits> deposits;
    private final NewClientSettings newClients;
    private final IntakeForms intakeForms;
    private final ManageLinks manageLinks;

    OnlineBooking(
            Booking booking,
            Patients patients,
            OnlineHolds holds,
            PatientAccounts accounts,
            BookingViews views,
            BookingProblems problems,
            Approvals approvals,
            TherapistChoice therapistChoice,
            Consents consents,
            PhoneNumbers phones,
            Optional<OnlineDeposits> deposits,
            NewClientSettings newClients,
            IntakeForms intakeForms,
            ManageLinks manageLinks) {
        this.booking = booking;
        this.patients = patients;
        this.holds = holds;
        this.accounts = accounts;
        this.views = views;
        this.problems = problems;
        this.approvals = approvals;
        this.therapistChoice = therapistChoice;
        this.consents = consents;
        this.phones = phones;
        this.deposits = deposits;
        this.newClients = newClients;
        this.intakeForms = intakeForms;
        this.manageLinks = manageLinks;
    }

    @GetMapping("/book")
    String times(
            @RequestParam(required = false) String choice,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String assessment,
            @RequestParam(required = false) String therapist,
            @RequestParam(required = false) String language,
            Locale locale,
            Model model) {
        LocalDate from = date == null || date.isBefore(views.today()) ? views.today() : date;
        model.addAttribute("choices", views.serviceChoices(locale));
        model.addAttribute("choice", choice);
        model.addAttribute("date", from);
        model.addAttribute("fromText", views.date(from, locale));
        model.addAttribute("untilText", views.date(from.plusDays(DAYS_SHOWN - 1), locale));
        model.addAttribute(
                "earlier", from.isAfter(views.today()) ? laterOf(from.minusDays(DAYS_SHOWN), views.today()) : null);
        model.addAttribute("later", from.plusDays(DAYS_SHOWN));
        model.addAttribute("assessment", assessment);
        List<StaffMember> bookable = therapistChoice.bookable();
        TherapistChoice.Filter filter = therapistChoice.filter(therapist, language, bookable);
        model.addAttribute("filter", filter);
        model.addAttribute("languages", therapistChoice.languages(bookable, locale));
        Optional<PickedService> picked = Optional.ofNullable(choice).map(PickedService::parse);
        model.addAttribute("therapists", therapistChoice.cards(bookable, filter, picked, from, locale));
        picked.ifPresent(service -> model.addAttribute(
                "slots",
                views.namedSlotOptions(
                        booking
                                .availability(SlotSearch.withAnyone(
                                        service.service(), service.minutes(), from, from.plusDays(DAYS_SHOWN - 1)))
                                .stream()
                                .filter(slot -> filter.admits(slot, bookable))
                                .toList(),
                        locale)));
        return "booking/online";
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    @GetMapping("/book/details")
    String details(
            @RequestParam String choice,
            @RequestParam String slot,
            @RequestParam(required = false) String assessment,
            Authentication signedIn,
            Locale locale,
            Model model) {
        OnlineBookingForm form = OnlineBookingForm.start(
                choice, slot, assessment, UUID.randomUUID().toString());
        Optional<Patient> patient = accounts.signedIn(signedIn);
        // A returning patient's form opens with their health history as it stands; what they change is a new version.
        model.addAttribute(
                "form",
                patient.flatMap(p -> patients.latestIntake(p.id()))
                        .map(current -> form.withHealthHistory(current.answers()))
                        .orElse(form));
        patient.ifPresent(p -> model.addAttribute("patient", p));
        return detailsPage(choice, slot, locale, model);
    }

    @PostMapping("/book/details")
    String book(
            @Valid @ModelAttribute("form") OnlineBookingForm form,
            BindingResult errors,
            Authentication signedIn,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Optional<Patient> patient = accounts.signedIn(signedIn);
        // The intake records the consent and privacy versions the page linked to: if they changed since, nothing is
        // stored and the patient reads them again.
        ConsentVersions agreed = intakeForms.consentVersionsInEffect();
        if (form.documentsChanged(agreed)) {
            patient.ifPresent(p -> model.addAttribute("patient", p));
            model.addAttribute("form", form.withoutConsent());
            model.addAttribute("documentsChanged", true);
            return detailsPage(form.choice(), form.slot(), locale, model);
        }
        Optional<String> textsPhone = textsPhone(form, patient, errors);
        // A signed-in patient's contact details come from their record, not from the form.
        if (patient.isPresent() ? OnlineBookingForm.hasNonContactErrors(errors) : errors.hasErrors()) {
            patient.ifPresent(p -> model.addAttribute("patient", p));
            return detailsPage(form.choice(), form.slot(), locale, model);
        }
        if (patient.isPresent()) {
            return bookSignedIn(form, patient.get(), agreed, textsPhone, signedIn, locale, model, redirect);
        }
        // Everything the request names is read before anything is written: a refused booking stores nothing.
        PickedService picked = PickedService.parse(form.choice());
        booking.service(picked.service());
        Money deposit = deposit(picked);
        if (deposit.isPositive() && newClients.needsApproval(Appointment.Source.ONLINE, false)) {
            // A new client's booking waits for the desk, which a deposit cannot: a visitor signs in (or up) first.
            model.addAttribute("depositSignIn", true);
            return detailsPage(form.choice(), form.slot(), locale, model);
        }
        Instant start = BookingViews.startOf(form.slot());
        UUID therapist = BookingViews.therapistOf(form.slot());
        UUID assessment = form.assessmentId();
        // Nothing the visitor typed touches an existing record until the e-mailed link proves the address theirs
        // (or, for a time with a deposit, until Stripe says the deposit was paid).
        Patient placeholder = patients.createUnverified(form.patient(locale.getLanguage()), form.intake(), agreed);
        try {
            BookAppointment command = new BookAppointment(
                    placeholder.id(),
                    picked.service(),
                    picked.minutes(),
                    start,
                    Optional.of(therapist),
                    Appointment.Source.ONLINE,
                    assessment,
                    form.requestId());
            if (deposit.isPositive()) {
                OnlineDeposits payments = deposits.orElseThrow();
                Appointment held = holds.holdForDeposit(
                        command,
                        form.email(),
                        textsPhone,
                        Consents.reportedZone(form.timeZone()),
                        VISITOR_DEPOSIT_HOLD_BOUND,
                        hold -> payments.heldForVisitor(hold.id(), placeholder.id(), deposit));
                if (!held.stored().patientId().equals(placeholder.id())) {
                    patients.discardUnverified(placeholder.id()); // a repeated submit: the first hold stands
                }
                return "redirect:" + payments.visitorPayPage(held.id());
            }
            Appointment appointment =
                    holds.hold(command, placeholder, form.email(), textsPhone, Consents.reportedZone(form.timeZone()));
            if (!appointment.stored().patientId().equals(placeholder.id())) {
                patients.discardUnverified(placeholder.id()); // a repeated submit: the first hold stands
            }
            redirect.addFlashAttribute("email", form.email());
            return "redirect:/book/check-email";
        } catch (SlotTaken | SlotNotOffered | PatientAlreadyBooked | UnknownTherapist | UnknownLength lost) {
            patients.discardUnverified(placeholder.id());
            model.addAttribute("problemText", problems.of(lost, locale).getTitle());
            return detailsPage(form.choice(), form.slot(), locale, model);
        } catch (RuntimeException refused) {
            patients.discardUnverified(placeholder.id());
            throw refused;
        }
    }

    /** A signed-in patient's address is confirmed already: the booking is made at once, no hold. */
    private String bookSignedIn(
            OnlineBookingForm form,
            Patient patient,
            ConsentVersions agreed,
            Optional<String> textsPhone,
            Authentication signedIn,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        PickedService picked = PickedService.parse(form.choice());
        try {
            BookAppointment command = new BookAppointment(
                    patient.id(),
                    picked.service(),
                    picked.minutes(),
                    BookingViews.startOf(form.slot()),
                    Optional.of(BookingViews.therapistOf(form.slot())),
                    Appointment.Source.ONLINE,
                    form.assessmentId(),
                    form.requestId());
            boolean request = approvals.required(Appointment.Source.ONLINE, patient.id());
            Money deposit = request ? Money.ZERO : deposit(picked);
            if (deposit.isPositive()) {
                // The slot is held, not booked, until the payments module hears that the deposit was paid.
                OnlineDeposits payments = deposits.orElseThrow();
                Appointment held = booking.hold(command, hold -> payments.held(hold.id(), patient.id(), deposit));
                patients.recordIntake(patient.id(), form.intake(), signedIn.getName(), agreed);
                textsPhone.ifPresent(phone -> consents.grantTexts(
                        patient.id(), phone, OnlineHolds.TEXTS_SOURCE, Consents.reportedZone(form.timeZone())));
                return "redirect:" + payments.payPage(held.id());
            }
            Appointment appointment = request ? approvals.requestFor(booking, command, patient) : booking.book(command);
            patients.recordIntake(patient.id(), form.intake(), signedIn.getName(), agreed);
            textsPhone.ifPresent(phone -> consents.grantTexts(
                    patient.id(), phone, OnlineHolds.TEXTS_SOURCE, Consents.reportedZone(form.timeZone())));
            redirect.addFlashAttribute(
                    "when", views.dateTime(appointment.session().start(), locale));
            redirect.addFlashAttribute(
                    "service", booking.service(picked.service()).name(locale));
            // The page after links to the visit (or the request) as the e-mail does: a link that opens this one
            // appointment only.
            redirect.addFlashAttribute("manageLink", manageLinks.linkFor(appointment.id()));
            return request ? "redirect:/book/requested" : "redirect:/book/done";
        } catch (SlotTaken | SlotNotOffered | PatientAlreadyBooked | UnknownTherapist | UnknownLength lost) {
            model.addAttribute("patient", patient);
            model.addAttribute("problemText", problems.of(lost, locale).getTitle());
            return detailsPage(form.choice(), form.slot(), locale, model);
        }
    }

    /**
     * The number (E.164) text reminders go to when the patient ticked the box: their record's for a signed-in
     * patient, the form's otherwise; a number that cannot be texted is a field error.
     */
    private Optional<String> textsPhone(OnlineBookingForm form, Optional<Patient> patient, BindingResult errors) {
        if (!form.wantsTexts()) {
            return Optional.empty();
        }
        String typed = patient.map(Patient::phone).orElse(form.phone());
        Optional<String> number = typed == null ? Optional.empty() : phones.e164(typed);
        // A form that could not be bound at all has no field to attach the message to; its own errors are shown.
        if (number.isEmpty() && !errors.hasFieldErrors("phone") && errors.getTarget() != null) {
            errors.rejectValue("wantsTexts", "booking.details.textsPhoneInvalid");
        }
        return number;
    }

    @GetMapping("/book/done")
    String done() {
        return "booking/done";
    }

    /** The deposit an online booking of the picked service asks for; zero without one (or without payments). */
    private Money deposit(PickedService picked) {
        return deposits.map(d -> d.depositFor(picked.service(), picked.minutes()))
                .orElse(Money.ZERO);
    }

    private String detailsPage(String choice, String slot, Locale locale, Model model) {
        PickedService picked = PickedService.parse(choice);
        Money deposit = deposit(picked);
        if (deposit.isPositive()) {
            model.addAttribute("deposit", deposit);
        }
        model.addAttribute("serviceName", booking.service(picked.service()).name(locale));
        model.addAttribute("minutes", picked.minutes());
        model.addAttribute("when", views.dateTime(BookingViews.startOf(slot), locale));
        // The consent and privacy boxes link to the texts they agree to.
        model.addAttribute("documents", intakeForms.documentsInEffect(locale));
        model.addAttribute(
                "documentVersions", intakeForms.consentVersionsInEffect().shown());
        return "booking/details";
    }
}
