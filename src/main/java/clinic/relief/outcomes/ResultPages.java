package clinic.relief.outcomes;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.Therapist;
import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.painmap.KnowledgeBase;
import clinic.relief.staff.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The owner's results page (every group, small ones marked) and the public results (k clients or more only). */
@Controller
class ResultPages {

    private final Results results;
    private final FinderAccuracy accuracy;
    private final Readers readers;
    private final OutcomesSettings settings;
    private final KnowledgeBase knowledge;
    private final ServiceCatalogue services;
    private final AppointmentBook appointments;

    ResultPages(
            Results results,
            FinderAccuracy accuracy,
            Readers readers,
            OutcomesSettings settings,
            KnowledgeBase knowledge,
            ServiceCatalogue services,
            AppointmentBook appointments) {
        this.results = results;
        this.accuracy = accuracy;
        this.readers = readers;
        this.settings = settings;
        this.knowledge = knowledge;
        this.services = services;
        this.appointments = appointments;
    }

    /** A results line with its group's name in the page's language. */
    public record Labelled(Results.Line line, String label) {}

    @GetMapping("/staff/outcomes/results")
    String owner(Authentication auth, Locale locale, Model model) {
        if (readers.of(auth).role() != StaffRole.OWNER) {
            throw new NoteAccessDenied();
        }
        model.addAttribute("k", settings.minimumClients());
        model.addAttribute("groups", group(results.all(), locale));
        model.addAttribute(
                "accuracy",
                accuracy.perMuscle().stream()
                        .map(a -> new FinderAccuracy.Labelled(a, muscle(a.muscle(), locale)))
                        .toList());
        return "outcomes/results";
    }

    @GetMapping("/results")
    String publicResults(Locale locale, Model model) {
        model.addAttribute("k", settings.minimumClients());
        model.addAttribute("groups", group(results.forPublic(settings.minimumClients()), locale));
        return "outcomes/public-results";
    }

    private Map<String, List<Labelled>> group(List<Results.Line> lines, Locale locale) {
        Map<UUID, String> therapists =
                appointments.therapists().stream().collect(Collectors.toMap(Therapist::id, Therapist::name));
        return lines.stream()
                .map(l -> new Labelled(l, label(l, locale, therapists)))
                .collect(Collectors.groupingBy(l -> l.line().dimension(), TreeMap::new, Collectors.toList()));
    }

    private String label(Results.Line line, Locale locale, Map<UUID, String> therapists) {
        return switch (line.dimension()) {
            case "region" ->
                knowledge.region(line.key()) == null
                        ? line.key()
                        : knowledge.region(line.key()).label().in(NoteChoices.lang(locale));
            case "muscle" -> muscle(line.key(), locale);
            case "service" -> services.find(line.key()).map(s -> s.name(locale)).orElse(line.key());
            case "therapist" -> therapists.getOrDefault(UUID.fromString(line.key()), "");
            default -> "";
        };
    }

    private String muscle(String id, Locale locale) {
        return knowledge.muscle(id) == null ? id : knowledge.muscle(id).name().in(NoteChoices.lang(locale));
    }
}
