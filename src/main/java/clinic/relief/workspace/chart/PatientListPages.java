package clinic.relief.workspace.chart;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.booking.BookingViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The patient list at {@code /staff/patients} (search, filters, paging) and the header search's JSON at
 * {@code /staff/patients/search.json}. Every staff role may use both; they show contact details only.
 */
@Controller
class PatientListPages {

    /** One header search hit; the contract the staff header's script reads. */
    record Hit(String id, String name, String phone, String email, String dateOfBirth, String url) {}

    /** One line of the list page. */
    record Line(
            UUID id,
            String name,
            String phone,
            String email,
            LocalDate dateOfBirth,
            String nextVisit,
            boolean member) {}

    private final PatientList list;
    private final BookingViews views;

    PatientListPages(PatientList list, BookingViews views) {
        this.list = list;
        this.views = views;
    }

    @GetMapping("/staff/patients")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean upcoming,
            @RequestParam(defaultValue = "false") boolean owing,
            @RequestParam(defaultValue = "false") boolean member,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        PatientList.Page found = list.page(q, new PatientListStore.Filters(upcoming, owing, member), page, locale);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("owing", owing);
        model.addAttribute("member", member);
        model.addAttribute("page", found.number());
        model.addAttribute("hasNext", found.hasNext());
        model.addAttribute(
                "lines",
                found.rows().stream()
                        .map(r -> new Line(
                                r.id(),
                                r.lastName() + ", " + r.firstName(),
                                r.phone(),
                                r.email(),
                                r.dateOfBirth(),
                                r.nextVisit() == null ? null : views.dateTime(r.nextVisit(), locale),
                                r.member()))
                        .toList());
        return "workspace/patients";
    }

    @GetMapping(value = "/staff/patients/search.json", produces = "application/json")
    @ResponseBody
    List<Hit> search(@RequestParam(required = false) String q, Locale locale) {
        return list.quick(q, locale).stream()
                .map(r -> new Hit(
                        r.id().toString(),
                        r.firstName() + " " + r.lastName(),
                        r.phone(),
                        r.email(),
                        r.dateOfBirth() == null ? null : r.dateOfBirth().toString(),
                        "/staff/patients/" + r.id()))
                .toList();
    }
}
