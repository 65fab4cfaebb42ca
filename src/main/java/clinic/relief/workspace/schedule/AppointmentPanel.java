package clinic.relief.workspace.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.billing.Invoices;
import clinic.relief.billing.Memberships;
import clinic.relief.billing.Plans;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentChangedMeanwhile;
import clinic.relief.booking.AppointmentNotStarted;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.CancelReason;
import clinic.relief.booking.Cancellation;
import clinic.relief.booking.FeeChoice;
import clinic.relief.booking.UnknownAppointment;
import clinic.relief.painmap.Assessments;
import clinic.relief.patients.HealthHistories;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appointment panel, the one place the grid, Today and the chart link to: the patient with alerts, the session,
 * intake, the pain finder's result (therapists and owner), invoice and payments (front desk and owner), and the
 * changes (check in, complete once started, no-show, cancel with its fee shown first, move, book again). Each change
 * carries the token of the appointment the panel showed and is refused as stale if anyone changed it since. Front desk
 * and owner open any appointment and change it; a therapist opens only their own and changes nothing (the security
 * configuration refuses their POSTs).
 */
@Controller
class AppointmentPanel {

    private final AppointmentBook book;
    private final BookingViews views;
    private final HealthHistories histories;
    private final Invoices invoices;
    private final Memberships memberships;
    private final Plans plans;
    private final Assessments assessments;
    private final Clock clock;

    AppointmentPanel(
            AppointmentBook book,
            BookingViews views,
            HealthHistories histories,
            Invoices invoices,
            Memberships memberships,
            Plans plans,
            Assessments assessments,
            Clock clock) {
        this.book = book;
        this.views = views;
        this.histories = histories;
        this.invoices = invoices;
        this.memberships = memberships;
        this.plans = plans;
        this.assessments = assessments;
        this.clock = clock;
    }

    @GetMapping("/staff/schedule/appointments/{id}")
    String panel(@PathVariable UUID id, Authentication auth, Locale locale, Model model) {
        AppointmentView a = visible(id, auth);
        UUID patient = a.patient().id();
        boolean desk = StaffRoles.isDesk(auth);
        boolean started = !clock.instant().isBefore(a.start());
        model.addAttribute("a", a);
        model.addAttribute("token", Tokens.of(a));
        model.addAttribute("when", views.dateTime(a.start(), locale));
        model.addAttribute("ends", views.time(a.end(), locale));
        model.addAttribute("day", a.start().atZone(views.zone()).toLocalDate());
        model.addAttribute("time", a.start().atZone(views.zone()).toLocalTime());
        model.addAttribute("desk", desk);
        model.addAttribute("owner", StaffRoles.isOwner(auth));
        model.addAttribute("clinical", StaffRoles.isClinical(auth));
        model.addAttribute("started", started);
        model.addAttribute("mayComplete", a.isCheckedIn() && started);
        model.addAttribute("mayNoShow", a.isBooked() && started);
        model.addAttribute("cancellation", book.cancellation(id).orElse(null));
        model.addAttribute("extraStyles", List.of("/css/schedule.css"));
        model.addAttribute(
                "intakeSince",
                histories
                        .onFileSince(patient)
                        .map(at -> views.dateTime(at, locale))
                        .orElse(null));
        boolean mayRead = histories.mayRead(patient);
        model.addAttribute("mayRead", mayRead);
        model.addAttribute("alerts", mayRead ? HealthAlerts.of(histories.read(patient)) : List.of());
        if (desk) {
            model.addAttribute("invoice", invoices.forAppointment(id).orElse(null));
            model.addAttribute("balance", invoices.balanceOf(patient));
            model.addAttribute(
                    "membershipPlan",
                    memberships
                            .usableBy(patient)
                            .map(m -> plans.get(m.planId()).name(locale))
                            .orElse(null));
            model.addAttribute("cancelTerms", a.isBooked() ? book.cancelTerms(id) : null);
        }
        if (StaffRoles.isClinical(auth) && a.assessmentId() != null) {
            model.addAttribute(
                    "muscles",
                    assessments
                            .find(a.assessmentId())
                            .map(found -> found.result().candidates().stream()
                                    .limit(5)
                                    .map(c -> c.muscle().replace('-', ' '))
                                    .toList())
                            .orElse(List.of()));
        }
        return "workspace/appointment";
    }

    @GetMapping("/staff/schedule/appointments/{id}/cancel")
    String cancelPage(@PathVariable UUID id, Locale locale, Model model) {
        AppointmentView a = book.get(id);
        model.addAttribute("a", a);
        model.addAttribute("token", Tokens.of(a));
        model.addAttribute("when", views.dateTime(a.start(), locale));
        model.addAttribute("terms", book.cancelTerms(id));
        model.addAttribute("mails", a.patient().email() != null);
        model.addAttribute("reasons", CancelReason.values());
        model.addAttribute("noteLimit", Cancellation.NOTE_LIMIT);
        model.addAttribute("extraStyles", List.of("/css/schedule.css"));
        return "workspace/appointment-cancel";
    }

    /**
     * The cancel page's confirm: the reason and optional note are stored with the cancellation, and a late fee is
     * charged or waived as the desk chose on the same step. A bad note changes nothing and returns to the page.
     */
    @PostMapping("/staff/schedule/appointments/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            @RequestParam String token,
            @RequestParam(defaultValue = "NONE") CancelReason reason,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "CHARGE") FeeChoice fee,
            Authentication auth,
            RedirectAttributes redirect) {
        AppointmentView a = book.get(id);
        if (!Cancellation.acceptable(note)) {
            redirect.addFlashAttribute("problem", "schedule.cancel.noteInvalid");
            return "redirect:/staff/schedule/appointments/" + id + "/cancel";
        }
        if (!Tokens.matches(a, token)) {
            redirect.addFlashAttribute("problem", "schedule.stale");
            return "redirect:/staff/schedule/appointments/" + id;
        }
        try {
            book.cancel(id, a.version(), reason, note, fee, auth.getName());
            redirect.addFlashAttribute("notice", "booking.day.changed.cancel");
        } catch (AppointmentChangedMeanwhile meanwhile) {
            redirect.addFlashAttribute("problem", "schedule.stale");
            return "redirect:/staff/schedule/appointments/" + id;
        } catch (AppointmentStateConflict conflict) {
            redirect.addFlashAttribute("problem", "booking.problem.wrongState");
            return "redirect:/staff/schedule/appointments/" + id;
        }
        LocalDate day = a.start().atZone(views.zone()).toLocalDate();
        return "redirect:/staff/schedule?date=" + day + "&therapist="
                + a.therapist().id();
    }

    /** Applies one change, then returns to the panel with what happened (or why nothing did). */
    @PostMapping("/staff/schedule/appointments/{id}/{change}")
    String change(
            @PathVariable UUID id,
            @PathVariable String change,
            @RequestParam String token,
            RedirectAttributes redirect) {
        AppointmentView a = book.get(id);
        if (!Tokens.matches(a, token)) {
            redirect.addFlashAttribute("problem", "schedule.stale");
            return "redirect:/staff/schedule/appointments/" + id;
        }
        try {
            // Each change carries the version the panel showed: of two changes at once, exactly one applies.
            switch (change) {
                case "check-in" -> book.checkIn(id, a.version());
                case "undo-check-in" -> book.undoCheckIn(id, a.version());
                case "complete" -> book.complete(id, a.version());
                case "no-show" -> book.markNoShow(id, a.version());
                case "cancel" -> book.cancel(id, a.version());
                default -> throw new UnknownAppointment(id);
            }
            redirect.addFlashAttribute("notice", "booking.day.changed." + change);
        } catch (AppointmentChangedMeanwhile meanwhile) {
            redirect.addFlashAttribute("problem", "schedule.stale");
        } catch (AppointmentNotStarted early) {
            redirect.addFlashAttribute("problem", "schedule.panel.notStarted");
        } catch (AppointmentStateConflict conflict) {
            redirect.addFlashAttribute("problem", "booking.problem.wrongState");
        }
        if ("cancel".equals(change)) {
            LocalDate day = a.start().atZone(views.zone()).toLocalDate();
            return "redirect:/staff/schedule?date=" + day + "&therapist="
                    + a.therapist().id();
        }
        return "redirect:/staff/schedule/appointments/" + id;
    }

    /** The appointment, if the signed-in user may see it; a therapist's view of someone else's reads as unknown. */
    private AppointmentView visible(UUID id, Authentication auth) {
        AppointmentView appointment = book.get(id);
        if (!StaffRoles.isDesk(auth)
                && !book.therapistSignedInAs(auth.getName())
                        .map(t -> t.id().equals(appointment.therapist().id()))
                        .orElse(false)) {
            throw new UnknownAppointment(id);
        }
        return appointment;
    }
}
