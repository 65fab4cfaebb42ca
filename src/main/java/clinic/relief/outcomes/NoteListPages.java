package clinic.relief.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.staff.StaffRole;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of completed visits and their notes, by date range (today by default) and client name. A therapist sees
 * their own visits, the owner everyone's, the front desk none (403). The list shows names and note states only; each
 * note read is audited when it is opened.
 */
@Controller
class NoteListPages {

    /** The longest range one page lists, in days. */
    static final int MAX_DAYS = 62;

    private final VisitStore visits;
    private final NoteStore stored;
    private final Readers readers;
    private final Patients patients;
    private final NoteView view;
    private final ZoneId zone;
    private final Clock clock;

    NoteListPages(
            VisitStore visits,
            NoteStore stored,
            Readers readers,
            Patients patients,
            NoteView view,
            ClinicProfile clinic,
            Clock clock) {
        this.visits = visits;
        this.stored = stored;
        this.readers = readers;
        this.patients = patients;
        this.view = view;
        this.zone = clinic.zone();
        this.clock = clock;
    }

    /** One line of the list: the visit, the client's name, its day and time, and the note's state. */
    public record Row(Visit visit, String client, String day, String time, String state) {}

    @GetMapping("/staff/notes")
    String list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "") String q,
            Authentication auth,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Reader reader = readers.of(auth);
        if (reader.role() == StaffRole.FRONT_DESK) {
            throw new NoteAccessDenied();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = date != null ? date : from != null ? from : to != null ? to : today;
        LocalDate last = date != null ? date : to != null ? to : first;
        String search = q.strip();
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("q", search);
        model.addAttribute("oneDay", first.equals(last));
        model.addAttribute("previous", first.minusDays(1));
        model.addAttribute("next", last.plusDays(1));
        model.addAttribute("maxDays", MAX_DAYS);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS || search.length() > 100) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "outcomes.list.badRange");
            model.addAttribute("rows", List.of());
            return "outcomes/today";
        }
        model.addAttribute("rows", rows(reader, first, last, search, locale));
        return "outcomes/today";
    }

    private List<Row> rows(Reader reader, LocalDate first, LocalDate last, String search, Locale locale) {
        List<Visit> found = visits.ofTherapistBetween(
                reader.isOwner() ? null : reader.staffId(),
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        Map<UUID, TreatmentNote> latest = stored
                .latest(found.stream().map(Visit::appointmentId).toList())
                .stream()
                .collect(Collectors.toMap(TreatmentNote::appointmentId, Function.identity()));
        Map<UUID, String> names = found.stream()
                .map(Visit::patientId)
                .distinct()
                .collect(Collectors.toMap(
                        Function.identity(),
                        id -> patients.find(id).map(p -> p.fullName()).orElse("")));
        String needle = search.toLowerCase(locale);
        return found.stream()
                .filter(v -> names.get(v.patientId()).toLowerCase(locale).contains(needle))
                .map(v -> new Row(
                        v,
                        names.get(v.patientId()),
                        view.day(v.start(), locale),
                        view.time(v.start(), locale),
                        NoteView.state(latest.get(v.appointmentId()))))
                .toList();
    }
}
