package clinic.relief.insurance;

import java.util.List;
import java.util.UUID;

import clinic.relief.patients.Patients;
import jakarta.validation.Valid;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's insurance pages for one patient: find the patient, see coverage, prescriptions, eligibility checks,
 * warnings and claims, and record new ones with localized field errors. OWNER and FRONT_DESK only (see the
 * security configuration); therapists see none of it.
 */
@Controller
class PatientInsurancePages {

    private final Insurance insurance;
    private final ClaimDesk claims;
    private final Patients patients;

    PatientInsurancePages(Insurance insurance, ClaimDesk claims, Patients patients) {
        this.insurance = insurance;
        this.claims = claims;
        this.patients = patients;
    }

    @GetMapping("/staff/insurance/patients")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("found", q == null ? List.of() : patients.search(q));
        return "insurance/patients";
    }

    @GetMapping("/staff/insurance/patients/{id}")
    String patient(@PathVariable UUID id, Model model, CsrfToken csrf) {
        csrf.getToken();
        model.addAttribute("record", insurance.ofPatient(id));
        model.addAttribute("claims", claims.ofPatient(id));
        model.addAttribute("eligibility", new EligibilityForm(true, null, null, null));
        return "insurance/patient";
    }

    @GetMapping("/staff/insurance/patients/{id}/coverage")
    String coverageForm(@PathVariable UUID id, Model model) {
        model.addAttribute("patient", patients.get(id));
        model.addAttribute("form", CoverageForm.blank(insurance.today()));
        return "insurance/coverage";
    }

    @PostMapping("/staff/insurance/patients/{id}/coverage")
    String recordCoverage(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CoverageForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("patient", patients.get(id));
            return "insurance/coverage";
        }
        insurance.recordCoverage(id, form);
        redirect.addFlashAttribute("notice", "insurance.notice.coverageRecorded");
        return "redirect:/staff/insurance/patients/" + id;
    }

    @GetMapping("/staff/insurance/patients/{id}/prescription")
    String prescriptionForm(@PathVariable UUID id, Model model) {
        model.addAttribute("patient", patients.get(id));
        model.addAttribute("form", PrescriptionForm.blank(insurance.today()));
        model.addAttribute("common", Icd10.COMMON);
        return "insurance/prescription";
    }

    @PostMapping("/staff/insurance/patients/{id}/prescription")
    String recordPrescription(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PrescriptionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            form.codeProblems()
                    .forEach(invalid -> errors.rejectValue(
                            invalid.reason().startsWith("npi") ? "referringNpi" : "diagnoses",
                            "insurance.invalid." + invalid.reason(),
                            new Object[] {invalid.value(), invalid.hint()},
                            invalid.reason()));
        }
        if (!errors.hasErrors()) {
            insurance.recordPrescription(id, form);
            redirect.addFlashAttribute("notice", "insurance.notice.prescriptionRecorded");
            return "redirect:/staff/insurance/patients/" + id;
        }
        model.addAttribute("patient", patients.get(id));
        model.addAttribute("common", Icd10.COMMON);
        return "insurance/prescription";
    }

    @PostMapping("/staff/insurance/coverages/{coverageId}/eligibility")
    String recordEligibility(
            @PathVariable UUID coverageId,
            @RequestParam UUID patient,
            @Valid @ModelAttribute("eligibility") EligibilityForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "insurance.problem.eligibility");
        } else {
            insurance.recordEligibility(coverageId, form);
            redirect.addFlashAttribute("notice", "insurance.notice.eligibilityRecorded");
        }
        return "redirect:/staff/insurance/patients/" + patient;
    }
}
