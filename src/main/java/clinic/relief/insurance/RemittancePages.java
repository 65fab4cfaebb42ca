package clinic.relief.insurance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import clinic.relief.clinic.ClinicProfile;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Uploading a payer's 835 and the claims aging report (page and CSV). OWNER and FRONT_DESK only. */
@Controller
class RemittancePages {

    private final Remittances remittances;
    private final ClaimDesk desk;
    private final Clock clock;
    private final ClinicProfile clinic;

    RemittancePages(Remittances remittances, ClaimDesk desk, Clock clock, ClinicProfile clinic) {
        this.remittances = remittances;
        this.desk = desk;
        this.clock = clock;
        this.clinic = clinic;
    }

    @GetMapping("/staff/insurance/remittances")
    String form(CsrfToken csrf) {
        csrf.getToken();
        return "insurance/remittances";
    }

    @PostMapping("/staff/insurance/remittances")
    String upload(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        try {
            Remittances.Imported imported =
                    remittances.importFile(new String(file.getBytes(), StandardCharsets.ISO_8859_1));
            model.addAttribute("imported", imported);
        } catch (UnreadableRemittance unreadable) {
            response.setStatus(422);
            model.addAttribute("problem", "insurance.problem.remittance." + unreadable.reason());
        } catch (UnknownClaimsInRemittance unknown) {
            response.setStatus(422);
            model.addAttribute("problem", "insurance.problem.remittance.unknownClaims");
            model.addAttribute("unknownClaims", String.join(", ", unknown.claimIds()));
        } catch (ClaimStateConflict conflict) {
            response.setStatus(409);
            model.addAttribute("problem", "insurance.problem.remittance.state");
        }
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
