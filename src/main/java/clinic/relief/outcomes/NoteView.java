package clinic.relief.outcomes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the note page's model: the history, the editor's form and choices, names and times. */
@Component
class NoteView {

    private final NoteChoices choices;
    private final Patients patients;
    private final ZoneId zone;
    private final Progress progress;
    private final PainStore pain;
    private final ReliefGuarantee guarantee;
    private final FinderSummary finder;
    private final Staff staff;

    NoteView(
            NoteChoices choices,
            Patients patients,
            ClinicProfile clinic,
            Progress progress,
            PainStore pain,
            ReliefGuarantee guarantee,
            FinderSummary finder,
            Staff staff) {
        this.finder = finder;
        this.staff = staff;
        this.choices = choices;
        this.progress = progress;
        this.pain = pain;
        this.guarantee = guarantee;
        this.patients = patients;
        this.zone = clinic.zone();
    }

    void fill(Model model, Reader reader, NoteHistory history, NoteForm form, Locale locale) {
        TreatmentNote latest = history.latest();
        boolean editable = reader.mayWrite(history.visit()) && !latest.isSigned() && !latest.isVoided();
        model.addAttribute("history", history);
        model.addAttribute("note", latest);
        model.addAttribute("state", state(latest));
        model.addAttribute("editable", editable);
        model.addAttribute("mayAmend", reader.mayWrite(history.visit()) && latest.isSigned() && !latest.isVoided());
        model.addAttribute("mayVoid", (reader.mayWrite(history.visit()) || reader.isOwner()) && !latest.isVoided());
        model.addAttribute("form", editable ? form.withSpareRows() : form);
        model.addAttribute(
                "client",
                patients.find(history.visit().patientId())
                        .map(p -> p.fullName())
                        .orElse(""));
        model.addAttribute("when", dateTime(history.visit().start(), locale));
        model.addAttribute("signer", signer(latest));
        model.addAttribute("signedAt", latest.signedAt() == null ? null : dateTime(latest.signedAt(), locale));
        model.addAttribute("muscles", choices.muscles(locale));
        model.addAttribute("regions", choices.regions(locale));
        model.addAttribute("regionLabels", choices.regionLabels(locale));
        model.addAttribute("names", new Names(choices, locale));
        Visit visit = history.visit();
        model.addAttribute("pain", pain.of(visit.appointmentId()).orElse(new Pain(null, null)));
        model.addAttribute("mayScore", reader.mayWrite(visit));
        model.addAttribute("painFinal", latest.isSigned());
        model.addAttribute("voucher", guarantee.claimed(visit.appointmentId()));
        model.addAttribute("finder", finder.of(visit, locale).orElse(null));
        model.addAttribute("report", progress.progressFor(visit.patientId(), locale));
    }

    /** The signing therapist's name as the clinic shows it; their sign-in name when the account is gone. */
    private String signer(TreatmentNote note) {
        String signedBy = note.signedBy();
        if (signedBy == null) {
            return "";
        }
        return staff.findByEmail(signedBy)
                .map(StaffMember::displayName)
                .filter(name -> !name.isBlank())
                .orElse(signedBy);
    }

    /** Labels for ids, for templates. */
    public record Names(NoteChoices choices, Locale locale) {

        public String muscle(String id) {
            return choices.muscleName(id, locale);
        }

        public String region(String id) {
            return choices.regionName(id, locale);
        }
    }

    String time(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(at);
    }

    String day(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone)
                .format(at);
    }

    String dateTime(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(at);
    }

    static String state(TreatmentNote note) {
        if (note == null) {
            return "none";
        }
        return note.isVoided() ? "voided" : note.isSigned() ? "signed" : "draft";
    }
}
