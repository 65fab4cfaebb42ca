package clinic.relief.sms;

import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.patients.UnknownPatient;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk records a patient's consent from the chart (texts at the patient's phone, or e-mail reminders), with the
 * staff member as its source.
 */
@Controller
class ConsentPages {

    private final Consents consents;
    private final Patients patients;

    ConsentPages(Consents consents, Patients patients) {
        this.consents = consents;
        this.patients = patients;
    }

    @PostMapping("/staff/sms/patients/{id}/consent")
    String consent(
            @PathVariable UUID id,
            @RequestParam Channel channel,
            @RequestParam boolean granted,
            Authentication who,
            RedirectAttributes redirect) {
        Patient patient = patients.get(id);
        String source = "front desk: " + who.getName();
        if (channel == Channel.EMAIL) {
            consents.recordEmail(id, granted, source);
        } else if (!granted) {
            consents.withdrawTexts(id, source);
        } else {
            try {
                consents.grantTexts(id, patient.phone() == null ? "" : patient.phone(), source);
            } catch (InvalidPhoneNumber invalid) {
                redirect.addFlashAttribute("doneCode", "sms.consent.invalidPhone");
                return "redirect:/staff/patients/" + id + "#texts";
            }
        }
        redirect.addFlashAttribute("doneCode", "sms.consent.saved");
        return "redirect:/staff/patients/" + id + "#texts";
    }

    @ExceptionHandler(UnknownPatient.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown() {
        return "error/404";
    }
}
