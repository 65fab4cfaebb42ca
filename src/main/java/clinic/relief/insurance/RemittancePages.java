package clinic.relief.insurance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading a payer's 835, the log of X12 files received (posting a refused one again) and the PLB adjustments, and
 * the claims aging report (page and CSV). OWNER and FRONT_DESK only.
 */
@Controller
class RemittancePages {

    private final Remittances remittances;
    private final Acknowledgments acknowledgments;
    private final Eligibility eligibility;
    private final ClaimDesk desk;
    private final X12FileStore files;
    private final RemittanceStore store;
    private final Clock clock;
    private final ClinicProfile clinic;

    RemittancePages(
            Remittances remittances,
            Acknowledgments acknowledgments,
            Eligibility eligibility,
            ClaimDesk desk,
            X12FileStore files,
            RemittanceStore store,
            Clock clock,
            ClinicProfile clinic) {
        this.remittances = remittances;
        this.acknowledgments = acknowledgments;
        this.eligibility = eligibility;
        this.desk = desk;
        this.files = files;
        this.store = store;
        this.clock = clock;
        this.clinic = clinic;
    }

    @GetMapping("/staff/insurance/remittances")
    String form(Model model, CsrfToken csrf) {
        csrf.getToken();
        return page(model);
    }

    @PostMapping("/staff/insurance/remittances")
    String upload(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response, CsrfToken csrf)
            throws IOException {
        csrf.getToken();
        String name = file.getOriginalFilename() == null ? "x12" : file.getOriginalFilename();
        String content = new String(file.getBytes(), StandardCharsets.ISO_8859_1);
        if (content.indexOf('\0') >= 0) {
            // No X12 file holds a NUL byte (and PostgreSQL's text cannot): a binary upload, refused before it is
            // logged.
            response.setStatus(422);
            model.addAttribute("problem", "insurance.problem.remittance.unreadable");
            return page(model);
        }
        if (Eligibility.isEligibilityResponse(content)) {
            try {
                model.addAttribute(
                        "eligibilityImported",
                        eligibility.importFile(new X12File.Received(
                                X12File.Kind.ELIGIBILITY_271, X12File.Source.UPLOAD, name, content)));
            } catch (UnreadableRemittance unreadable) {
                response.setStatus(422);
                model.addAttribute("problem", "insurance.problem.remittance." + unreadable.reason());
            } catch (EligibilityRefused refused) {
                response.setStatus(422);
                model.addAttribute("problem", "insurance.problem.eligibility." + refused.reason());
                model.addAttribute("problemClaim", String.join(", ", refused.codes()));
            }
            return page(model);
        }
        if (Acknowledgments.isAcknowledgment(content)) {
            try {
                model.addAttribute("acknowledged", acknowledgments.importFile(content, X12File.Source.UPLOAD, name));
            } catch (UnreadableRemittance unreadable) {
                response.setStatus(422);
                model.addAttribute("problem", "insurance.problem.remittance." + unreadable.reason());
            }
            return page(model);
        }
        return post(
                () -> remittances.importFile(
                        new X12File.Received(X12File.Kind.REMITTANCE_835, X12File.Source.UPLOAD, name, content)),
                model,
                response);
    }

    /** Posts a logged file again (a refused one, once the reason is dealt with). */
    @PostMapping("/staff/insurance/remittances/{id}/repost")
    String repost(@PathVariable UUID id, Model model, HttpServletResponse response, CsrfToken csrf) {
        csrf.getToken();
        return post(() -> remittances.repost(id), model, response);
    }

    private interface Posting {
        Remittances.Imported run() throws IOException;
    }

    private String post(Posting posting, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("imported", posting.run());
        } catch (UnreadableRemittance unreadable) {
            response.setStatus(422);
            model.addAttribute("problem", "insurance.problem.remittance." + unreadable.reason());
        } catch (RemittanceRefused refused) {
            response.setStatus(422);
            model.addAttribute("problem", "insurance.problem.remittance." + refused.reason());
            model.addAttribute("problemClaim", refused.claimId());
        } catch (IOException unreadable) {
            response.setStatus(422);
            model.addAttribute("problem", "insurance.problem.remittance.unreadable");
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("files", files.recent(30));
        model.addAttribute("plb", store.providerAdjustments(30));
        return "insurance/remittances";
    }

    @GetMapping("/staff/insurance/aging")
    String aging(Model model) {
        model.addAttribute("aging", aging());
        return "insurance/aging";
    }

    @GetMapping("/staff/insurance/aging.csv")
    ResponseEntity<byte[]> agingCsv() {
        return ClaimPages.download(
                aging().csv().getBytes(StandardCharsets.UTF_8),
                "claims-aging.csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    private ClaimsAging aging() {
        List<Claim> open = new ArrayList<>();
        for (ClaimState state : List.of(ClaimState.SUBMITTED, ClaimState.APPEALED, ClaimState.PARTLY_PAID)) {
            open.addAll(desk.inState(state));
        }
        return ClaimsAging.of(open, LocalDate.now(clock.withZone(clinic.zone())), clinic.zone());
    }
}
