package clinic.relief.portal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import clinic.relief.outcomes.Progress;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in patient's own progress: the outcomes module's charts and tables of their pain and questionnaires.
 * The patient is always the signed-in one. A request naming any other patient (a parameter or a path holding
 * another id) is answered 404 before anything is read, so it neither shows nor audits anyone's records; each read of
 * the patient's own progress is audited by {@link Progress}.
 */
@Controller
class MyProgress {

    private final PatientAccounts accounts;
    private final Progress progress;

    MyProgress(PatientAccounts accounts, Progress progress) {
        this.accounts = accounts;
        this.progress = progress;
    }

    @GetMapping("/account/progress")
    String progress(@RequestParam Map<String, String> parameters, Authentication signedIn, Locale locale, Model model) {
        Patient me = me(signedIn);
        parameters.values().forEach(value -> refuseOthers(value, me));
        model.addAttribute("report", progress.progressFor(me.id(), locale));
        return "portal/progress";
    }

    @GetMapping("/account/progress/{patientId}")
    String progressOf(@PathVariable String patientId, Authentication signedIn) {
        Patient me = me(signedIn);
        refuseOthers(patientId, me);
        return "redirect:/account/progress";
    }

    /** Any value that names someone else, or anything but the patient's own id where an id is expected. */
    private static void refuseOthers(String value, Patient me) {
        UUID id;
        try {
            id = UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return;
        }
        if (!id.equals(me.id())) {
            throw new NotYourRecord();
        }
    }

    private Patient me(Authentication signedIn) {
        return accounts.signedIn(signedIn).orElseThrow(NotAPatient::new);
    }
}
