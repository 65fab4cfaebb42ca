package clinic.relief.workspace.intake;

import java.util.Optional;
import java.util.UUID;

import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.Patients;
import clinic.relief.patients.SignedIntake;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk sends (or resends) the intake link from the chart or the appointment panel, and staff read the signed
 * form: all of it for the owner and the patient's therapists, the contact and emergency answers for the desk (the
 * patients module decides and audits each read; a refused one is a 403).
 */
@Controller
class IntakeDeskPages {

    private final IntakeForms forms;
    private final Patients patients;

    IntakeDeskPages(IntakeForms forms, Patients patients) {
        this.forms = forms;
        this.patients = patients;
    }

    /** Sends a new link, then returns to the appointment panel it came from, or to the chart. */
    @PostMapping("/staff/patients/{id}/intake/send")
    String send(
            @PathVariable UUID id,
            @RequestParam Optional<UUID> appointment,
            Authentication auth,
            RedirectAttributes redirect) {
        boolean sent = forms.send(id, auth.getName(), appointment);
        redirect.addFlashAttribute("intakeNotice", sent ? "intake.staff.sent" : "intake.staff.noEmail");
        return appointment
                .map(a -> "redirect:/staff/schedule/appointments/" + a)
                .orElse("redirect:/staff/patients/" + id);
    }

    @GetMapping("/staff/patients/{id}/intake")
    String read(@PathVariable UUID id, Model model) {
        model.addAttribute("patient", patients.get(id));
        Optional<SignedIntake> signed = forms.read(id);
        model.addAttribute("signed", signed.orElse(null));
        model.addAttribute("intact", signed.map(s -> forms.intact(s.id())).orElse(false));
        return "workspace/intake";
    }

    @GetMapping("/staff/patients/{id}/intake.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return forms.pdf(id)
                .map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename("intake.pdf")
                                        .build()
                                        .toString())
                        .body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }
}
