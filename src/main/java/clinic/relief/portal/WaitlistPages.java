package clinic.relief.portal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookableService;
import clinic.relief.booking.Booking;
import clinic.relief.booking.ManageLinks;
import clinic.relief.booking.Therapist;
import clinic.relief.booking.UnknownLength;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.booking.Waitlist;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.UnknownWaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistOffer;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in patient's waitlist requests, and the page behind an offer's e-mailed link. */
@Controller
class WaitlistPages {

    private final Waitlist waitlist;
    private final PatientAccounts accounts;
    private final Booking booking;
    private final AppointmentBook book;
    private final PortalViews views;
    private final ManageLinks manageLinks;

    WaitlistPages(
            Waitlist waitlist,
            PatientAccounts accounts,
            Booking booking,
            AppointmentBook book,
            PortalViews views,
            ManageLinks manageLinks) {
        this.waitlist = waitlist;
        this.accounts = accounts;
        this.booking = booking;
        this.book = book;
        this.views = views;
        this.manageLinks = manageLinks;
    }

    /** A request as its patient sees it. */
    public record Row(
            UUID id,
            String service,
            int minutes,
            String days,
            String partOfDay,
            String therapist,
            String status,
            boolean waiting) {}

    /** A service and length as one option. */
    public record Choice(String value, String label) {}

    @GetMapping("/account/waitlist")
    String page(Authentication signedIn, Locale locale, Model model) {
        model.addAttribute("form", WaitlistForm.start(views.today()));
        return page(me(signedIn), locale, model);
    }

    @PostMapping("/account/waitlist")
    String join(
            @Valid @ModelAttribute("form") WaitlistForm form,
            BindingResult errors,
            Authentication signedIn,
            Locale locale,
            Model model) {
        Patient me = me(signedIn);
        if (errors.hasErrors()) {
            return page(me, locale, model);
        }
        try {
            waitlist.join(me.id(), form.request());
        } catch (UnknownService | UnknownLength | UnknownTherapist | IllegalArgumentException notOffered) {
            errors.rejectValue("choice", "portal.waitlist.service.required");
            return page(me, locale, model);
        }
        return "redirect:/account/waitlist?joined";
    }

    @PostMapping("/account/waitlist/{id}/withdraw")
    String withdraw(@PathVariable UUID id, Authentication signedIn) {
        if (!waitlist.get(id).patientId().equals(me(signedIn).id())) {
            throw new UnknownWaitlistEntry(id);
        }
        waitlist.withdraw(id);
        return "redirect:/account/waitlist";
    }

    @GetMapping("/waitlist/offer")
    String offer(@RequestParam String token, Locale locale, Model model) {
        WaitlistOffer offer = waitlist.offer(token);
        model.addAttribute("token", token);
        describe(offer, locale, model);
        return "portal/offer";
    }

    @PostMapping("/waitlist/offer")
    String claim(@RequestParam String token, Locale locale, Model model, RedirectAttributes redirect) {
        Waitlist.Claim claim = waitlist.claim(token);
        if (claim.requested()) {
            // A new client's claim waits for the front desk, like an online request: the same page says so.
            redirect.addFlashAttribute("when", views.dateTime(claim.offer().start(), locale));
            redirect.addFlashAttribute(
                    "service", booking.service(claim.offer().serviceId()).name(locale));
            claim.appointment().ifPresent(id -> redirect.addFlashAttribute("manageLink", manageLinks.linkFor(id)));
            return "redirect:/book/requested";
        }
        describe(claim.offer(), locale, model);
        model.addAttribute("booked", claim.booked());
        return "portal/claimed";
    }

    private void describe(WaitlistOffer offer, Locale locale, Model model) {
        model.addAttribute("service", booking.service(offer.serviceId()).name(locale));
        model.addAttribute("minutes", offer.minutes());
        model.addAttribute("when", views.dateTime(offer.start(), locale));
    }

    private String page(Patient me, Locale locale, Model model) {
        model.addAttribute(
                "entries",
                waitlist.of(me.id()).stream().map(e -> row(e, locale)).toList());
        model.addAttribute("choices", choices(locale));
        model.addAttribute("parts", PartOfDay.values());
        model.addAttribute("therapists", book.therapists());
        return "portal/waitlist";
    }

    private Row row(WaitlistEntry e, Locale locale) {
        DateTimeFormatter format =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String therapist = e.therapistId()
                .flatMap(id -> book.therapists().stream()
                        .filter(t -> t.id().equals(id))
                        .map(Therapist::name)
                        .findFirst())
                .orElse("");
        return new Row(
                e.id(),
                booking.service(e.serviceId()).name(locale),
                e.minutes(),
                format.format(e.firstDay()) + " – " + format.format(e.lastDay()),
                e.partOfDay().name(),
                therapist,
                e.status(),
                e.isWaiting());
    }

    private List<Choice> choices(Locale locale) {
        List<Choice> choices = new ArrayList<>();
        for (BookableService service : booking.services()) {
            service.prices()
                    .keySet()
                    .forEach(minutes -> choices.add(
                            new Choice(service.id() + ":" + minutes, service.name(locale) + " · " + minutes + " min")));
        }
        return choices;
    }

    private Patient me(Authentication signedIn) {
        return accounts.signedIn(signedIn).orElseThrow(NotAPatient::new);
    }
}
