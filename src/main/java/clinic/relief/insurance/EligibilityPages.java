package clinic.relief.insurance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's eligibility check from the patient chart: write a coverage's 270 (sent to the clearinghouse when one is
 * configured, else downloaded to send by hand), and read the payer's 271. OWNER and FRONT_DESK only.
 */
@Controller
class EligibilityPages {

    private final Eligibility eligibility;
    private final Clearinghouse clearinghouse;

    EligibilityPages(Eligibility eligibility, Clearinghouse clearinghouse) {
        this.eligibility = eligibility;
        this.clearinghouse = clearinghouse;
    }

    @PostMapping("/staff/insurance/coverages/{coverageId}/eligibility-request")
    String request(@PathVariable UUID coverageId, RedirectAttributes redirect) {
        Eligibility.Request request = eligibility.request(coverageId, X12File.Source.UPLOAD);
        boolean sent;
        try {
            sent = clearinghouse.uploadEligibility(request.name(), request.content());
        } catch (Clearinghouse.Failure failure) {
            redirect.addFlashAttribute("eligibilityProblem", "insurance.eligibility.sendFailed");
            sent = false;
        }
        redirect.addFlashAttribute(
                "eligibilityNotice", sent ? "insurance.eligibility.sent" : "insurance.eligibility.written");
        redirect.addFlashAttribute("eligibilityFile", request.fileId());
        return "redirect:/staff/patients/" + request.patientId() + "#eligibility";
    }

    @GetMapping("/staff/insurance/eligibility/{fileId}/270")
    ResponseEntity<byte[]> download(@PathVariable UUID fileId) {
        X12File.Received file = eligibility.sent270(fileId);
        return ClaimPages.download(
                file.content().getBytes(StandardCharsets.UTF_8),
                file.name(),
                new MediaType("application", "edi-x12", StandardCharsets.UTF_8));
    }

    @PostMapping("/staff/insurance/eligibility/271")
    String response(
            @RequestParam("file") MultipartFile file,
            @RequestParam("patient") UUID patient,
            RedirectAttributes redirect)
            throws IOException {
        String content = new String(file.getBytes(), StandardCharsets.ISO_8859_1);
        String name = file.getOriginalFilename() == null ? "271" : file.getOriginalFilename();
        String back = "redirect:/staff/patients/" + patient + "#eligibility";
        if (content.indexOf('\0') >= 0 || !Eligibility.isEligibilityResponse(content)) {
            redirect.addFlashAttribute(
                    "eligibilityProblem",
                    content.contains("ST*")
                            ? "insurance.problem.remittance.wrongType"
                            : "insurance.problem.remittance.unreadable");
            redirect.addFlashAttribute("eligibilityCodes", "");
            return back;
        }
        try {
            Eligibility.Imported imported = eligibility.importFile(
                    new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, name, content));
            redirect.addFlashAttribute("eligibilityNotice", "insurance.eligibility.read");
            redirect.addFlashAttribute("eligibilityChecked", imported.checked().size());
        } catch (UnreadableRemittance unreadable) {
            redirect.addFlashAttribute("eligibilityProblem", "insurance.problem.remittance." + unreadable.reason());
            redirect.addFlashAttribute("eligibilityCodes", "");
        } catch (EligibilityRefused refused) {
            redirect.addFlashAttribute("eligibilityProblem", "insurance.problem.eligibility." + refused.reason());
            redirect.addFlashAttribute("eligibilityCodes", String.join(", ", refused.codes()));
            redirect.addFlashAttribute(
                    "eligibilityRejections", refused.reason().equals("rejected") ? refused.codes() : List.of());
        }
        return back;
    }
}
