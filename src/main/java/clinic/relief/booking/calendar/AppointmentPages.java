package clinic.relief.booking.calendar;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditEntry;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.BookingViews;
import clinic.relief.booking.UnknownAppointment;
import clinic.relief.patients.HealthHistories;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.IntakeHistory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One appointment as staff see it, the patient's health history, and (for the owner) who read it. Front desk and
 * owner open any appointment, a therapist only their own; the health history follows the patients module's rule.
 */
@Controller
class AppointmentPages {

    private final AppointmentBook book;
    private final BookingViews views;
    private final HealthHistories histories;
    private final IntakeForms forms;

    AppointmentPages(AppointmentBook book, BookingViews views, HealthHistories histories, IntakeForms forms) {
        this.book = book;
        this.views = views;
        this.histories = histories;
        this.forms = forms;
    }

    @GetMapping("/staff/booking/{id}")
    String details(@PathVariable UUID id, Authentication auth, Locale locale, Model model) {
        AppointmentView appointment = visible(id, auth);
        model.addAttribute("a", appointment);
        model.addAttribute("when", views.dateTime(appointment.start(), locale));
        model.addAttribute("day", appointment.start().atZone(views.zone()).toLocalDate());
        model.addAttribute("desk", DayPages.isDesk(auth));
        model.addAttribute(
                "intakeSince",
                histories
                        .onFileSince(appointment.patient().id())
                        .map(at -> views.dateTime(at, locale))
                        .orElse(null));
        // A signed intake form and the health history given at booking are told apart, as on the workspace's panel:
        // the latest of the two alone read as "intake on file" when only the booking's answers were there.
        model.addAttribute(
                "intakeSigned",
                forms.status(appointment.patient().id())
                        .signedAt()
                        .map(at -> views.dateTime(at, locale))
                        .orElse(null));
        model.addAttribute("mayRead", histories.mayRead(appointment.patient().id()));
        model.addAttribute("owner", isOwner(auth));
        return "booking/appointment";
    }

    @GetMapping("/staff/booking/{id}/intake")
    String intake(@PathVariable UUID id, Authentication auth, Locale locale, Model model) {
        AppointmentView appointment = book.get(id);
        model.addAttribute("a", appointment);
        Optional<IntakeHistory> history =
                histories.readWithVersions(appointment.patient().id());
        model.addAttribute("intake", history.map(IntakeHistory::current).orElse(null));
        model.addAttribute(
                "versions",
                history.map(h -> h.versions().stream()
                                .map(v -> new VersionRow(views.dateTime(v.at(), locale), v))
                                .toList())
                        .orElse(List.of()));
        return "booking/intake";
    }

    @GetMapping("/staff/audit/patients/{patientId}")
    String trail(@PathVariable UUID patientId, Locale locale, Model model) {
        model.addAttribute(
                "entries",
                histories.trail(patientId).stream()
                        .map(e -> new TrailRow(views.dateTime(e.at(), locale), e))
                        .toList());
        model.addAttribute("patientId", patientId);
        return "booking/audit";
    }

    /** One line of the audit trail with its time in the clinic's zone. */
    record TrailRow(String at, AuditEntry entry) {}

    record VersionRow(String at, IntakeHistory.Version version) {}

    /** The appointment, if the signed-in user may see it; a therapist's view of someone else's reads as unknown. */
    private AppointmentView visible(UUID id, Authentication auth) {
        AppointmentView appointment = book.get(id);
        if (!DayPages.isDesk(auth)
                && !book.therapistSignedInAs(auth.getName())
                        .map(t -> t.id().equals(appointment.therapist().id()))
                        .orElse(false)) {
            throw new UnknownAppointment(id);
        }
        return appointment;
    }

    private static boolean isOwner(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> "ROLE_OWNER".equals(a.getAuthority()));
    }
}
