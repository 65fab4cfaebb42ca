package clinic.relief.workspace.chart;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.patients.ContactDetails;
import clinic.relief.patients.EmailTaken;
import clinic.relief.patients.MergeRefused;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientMerges;
import clinic.relief.patients.Patients;
import clinic.relief.patients.UnknownPatient;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient chart at {@code /staff/patients/{id}}: every staff role opens it and sees the sections its role may
 * see ({@link PatientChart}). The front desk and the owner edit contact details; the owner merges a duplicate into
 * this patient (pick, confirm, merge). A merged duplicate's chart redirects to the patient it was merged into. The
 * security rules admit only those roles to the POSTs and the merge pages; the merge checks the owner again.
 */
@Controller
class ChartPages {

    private final Patients patients;
    private final PatientMerges merges;
    private final PatientChart chart;
    private final PatientList list;

    ChartPages(Patients patients, PatientMerges merges, PatientChart chart, PatientList list) {
        this.patients = patients;
        this.merges = merges;
        this.chart = chart;
        this.list = list;
    }

    @GetMapping("/staff/patients/{id}")
    String chart(@PathVariable UUID id, Authentication who, Locale locale, Model model, CsrfToken csrf) {
        Optional<UUID> kept = merges.mergedInto(id);
        if (kept.isPresent()) {
            return "redirect:/staff/patients/" + kept.get() + "?merged";
        }
        Patient patient = patients.get(id);
        if (!model.containsAttribute("contact")) {
            model.addAttribute("contact", ContactDetails.of(patient));
        }
        return show(patient, who, locale, model, csrf);
    }

    @PostMapping("/staff/patients/{id}/contact")
    String contact(
            @PathVariable UUID id,
            @Valid @ModelAttribute("contact") ContactDetails contact,
            BindingResult errors,
            Authentication who,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Patient patient = patients.get(id);
        if (!errors.hasErrors()) {
            try {
                merges.updateContact(id, contact);
                redirect.addFlashAttribute("doneCode", "workspace.contact.saved");
                return "redirect:/staff/patients/" + id;
            } catch (EmailTaken taken) {
                errors.rejectValue("email", "workspace.contact.email.taken");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("editing", true);
        return show(patient, who, locale, model, csrf);
    }

    @GetMapping("/staff/patients/{id}/merge")
    String pickDuplicate(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID duplicate,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        csrf.getToken();
        Patient kept = patients.get(id);
        model.addAttribute("patient", kept);
        model.addAttribute("q", q == null ? "" : q);
        if (duplicate != null) {
            model.addAttribute("duplicate", patients.get(duplicate));
            model.addAttribute("same", duplicate.equals(id));
        } else {
            model.addAttribute(
                    "candidates",
                    q == null
                            ? List.of()
                            : list.quick(q, locale).stream()
                                    .filter(r -> !r.id().equals(id))
                                    .toList());
        }
        return "workspace/merge";
    }

    @PostMapping("/staff/patients/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam UUID duplicate, RedirectAttributes redirect) {
        int moved = merges.merge(duplicate, id);
        redirect.addFlashAttribute("doneCode", "workspace.merge.done");
        redirect.addFlashAttribute("moved", moved);
        return "redirect:/staff/patients/" + id;
    }

    @ExceptionHandler(MergeRefused.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(MergeRefused refused, Model model) {
        model.addAttribute("problemCode", refused.code());
        return "workspace/merge-refused";
    }

    @ExceptionHandler(UnknownPatient.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown() {
        return "error/404";
    }

    private String show(Patient patient, Authentication who, Locale locale, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute("patient", patient);
        model.addAllAttributes(chart.of(patient, who, locale));
        return "workspace/chart";
    }
}
