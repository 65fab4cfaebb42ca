package clinic.relief.insurance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.insurance.cms1500.Cms1500;
import clinic.relief.patients.Patients;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claims for the desk: the list by state, one claim with its changes, its 837P, CMS-1500 and superbill, drafting a
 * claim for a completed appointment, e-mailing the superbill to the client, and the 837P batch of every ready claim. OWNER and FRONT_DESK only.
 */
@Controller
class ClaimPages {

    private final ClaimDesk desk;
    private final ClaimFiles files;
    private final Patients patients;
    private final SuperbillMail superbills;
    private final ClinicProfile clinic;
    private final Clock clock;

    ClaimPages(
            ClaimDesk desk,
            ClaimFiles files,
            Patients patients,
            SuperbillMail superbills,
            ClinicProfile clinic,
            Clock clock) {
        this.desk = desk;
        this.files = files;
        this.patients = patients;
        this.superbills = superbills;
        this.clinic = clinic;
        this.clock = clock;
    }

    @GetMapping("/staff/insurance")
    String list(@RequestParam(defaultValue = "DRAFT") ClaimState state, Model model, CsrfToken csrf) {
        csrf.getToken();
        List<Claim> claims = desk.inState(state);
        model.addAttribute("state", state);
        model.addAttribute("states", Arrays.asList(ClaimState.values()));
        model.addAttribute(
                "rows",
                claims.stream()
                        .map(c -> new Row(c, patients.get(c.facts().patientId()).fullName()))
                        .toList());
        return "insurance/claims";
    }

    /** The claims list lives at {@code /staff/insurance}; this address (typed or bookmarked) leads there. */
    @GetMapping("/staff/insurance/claims")
    String claims(@RequestParam Optional<ClaimState> state) {
        return "redirect:/staff/insurance"
                + state.map(s -> "?state=" + s.name()).orElse("");
    }

    /** A claim with its patient's name for the list. */
    record Row(Claim claim, String patientName) {}

    @GetMapping("/staff/insurance/claims/{id}")
    String claim(@PathVariable UUID id, Model model, CsrfToken csrf) {
        csrf.getToken();
        Claim claim = desk.get(id);
        model.addAttribute("claim", claim);
        model.addAttribute(
                "missing",
                claim.state() == ClaimState.DRAFT || claim.state() == ClaimState.READY ? files.gapsOf(id) : List.of());
        model.addAttribute("patient", patients.get(claim.facts().patientId()));
        model.addAttribute("resubmission", desk.resubmissionOf(id).orElse(null));
        model.addAttribute("payerClaimNumber", desk.payerClaimNumber(id).orElse(""));
        return "insurance/claim";
    }

    @PostMapping("/staff/insurance/claims/{id}/{change}")
    String change(@PathVariable UUID id, @PathVariable String change, RedirectAttributes redirect) {
        try {
            switch (change) {
                case "ready" -> desk.markReady(id);
                case "reopen" -> desk.reopen(id);
                case "appeal" -> desk.appeal(id);
                default -> throw new UnknownClaim(id);
            }
            redirect.addFlashAttribute("notice", "insurance.notice." + change);
        } catch (ClaimStateConflict conflict) {
            redirect.addFlashAttribute(
                    "problem", "insurance.problem.state." + conflict.current().name());
        } catch (ClaimIncomplete incomplete) {
            redirect.addFlashAttribute("problem", "insurance.problem.incomplete");
        }
        return "redirect:/staff/insurance/claims/" + id;
    }

    /**
     * Corrects (back to draft, then sent as a replacement) or voids an adjudicated claim, naming the payer's claim
     * control number; a missing or malformed number changes nothing.
     */
    @PostMapping("/staff/insurance/claims/{id}/resubmit")
    String resubmit(
            @PathVariable UUID id,
            @RequestParam Resubmission.Kind kind,
            @RequestParam(defaultValue = "") String payerClaimNumber,
            Authentication who,
            RedirectAttributes redirect) {
        try {
            if (kind == Resubmission.Kind.CORRECTED) {
                desk.correct(id, payerClaimNumber, who.getName());
            } else {
                desk.voidClaim(id, payerClaimNumber, who.getName());
            }
            redirect.addFlashAttribute("notice", "insurance.notice.resubmit." + kind.name());
        } catch (Resubmission.InvalidPayerClaimNumber invalid) {
            redirect.addFlashAttribute("problem", "insurance.problem.payerClaimNumber");
        } catch (ClaimStateConflict conflict) {
            redirect.addFlashAttribute(
                    "problem", "insurance.problem.state." + conflict.current().name());
        }
        return "redirect:/staff/insurance/claims/" + id;
    }

    /**
     * Drafts (or finds) the claim of a completed appointment, also one completed before its coverage was entered; a
     * visit that is not completed is a 409. From the chart ({@code patient} given), a visit that cannot be billed
     * (no coverage on its date, a service not billed to insurance, a free follow-up) returns to the patient's
     * insurance page with the reason.
     */
    @PostMapping("/staff/insurance/claims")
    String draft(
            @RequestParam UUID appointment, @RequestParam(required = false) UUID patient, RedirectAttributes redirect) {
        try {
            return "redirect:/staff/insurance/claims/" + desk.draft(appointment).id();
        } catch (NoCoverage | NotBilledToInsurance | FreeFollowUpNotBilled notBillable) {
            if (patient == null) {
                throw notBillable;
            }
            redirect.addFlashAttribute(
                    "problem",
                    "insurance.problem.notBillable." + notBillable.getClass().getSimpleName());
            return "redirect:/staff/insurance/patients/" + patient;
        }
    }

    /** The claim's 837P; one that lacks a required field goes back to its page, which lists what is missing. */
    @GetMapping("/staff/insurance/claims/{id}/837")
    Object x12(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            return download(
                    files.x12Of(id).getBytes(StandardCharsets.US_ASCII),
                    "claim-" + id + ".837.txt",
                    MediaType.TEXT_PLAIN);
        } catch (ClaimIncomplete incomplete) {
            redirect.addFlashAttribute("problem", "insurance.problem.incomplete");
            return "redirect:/staff/insurance/claims/" + id;
        }
    }

    /** The CMS-1500 to print on the red-ink NUCC form: values only, on the form's print grid. */
    @GetMapping("/staff/insurance/claims/{id}/cms1500.pdf")
    ResponseEntity<byte[]> cms1500(@PathVariable UUID id) {
        return download(
                Cms1500.print(files.packetOf(id), formDetails()), "cms1500-" + id + ".pdf", MediaType.APPLICATION_PDF);
    }

    /** The same values over a drawn copy of the form, to check them on screen. */
    @GetMapping("/staff/insurance/claims/{id}/cms1500-preview.pdf")
    ResponseEntity<byte[]> cms1500Preview(@PathVariable UUID id) {
        return download(
                Cms1500.preview(files.packetOf(id), formDetails()),
                "cms1500-preview-" + id + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    private Cms1500.Details formDetails() {
        return new Cms1500.Details(clinic.phone(), LocalDate.now(clock.withZone(clinic.zone())));
    }

    @GetMapping("/staff/insurance/claims/{id}/superbill.pdf")
    ResponseEntity<byte[]> superbill(@PathVariable UUID id) {
        ClaimPacket packet = files.packetOf(id);
        return download(
                SuperbillPdf.render(packet, files.clientPaid(packet.claim())),
                "superbill-" + id + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    /** E-mails the superbill to the client; a client without an e-mail address gets a message, nothing queued. */
    @PostMapping("/staff/insurance/claims/{id}/superbill/email")
    String emailSuperbill(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            superbills.send(id);
            redirect.addFlashAttribute("notice", "insurance.notice.superbillSent");
        } catch (SuperbillMail.NoEmailAddress noAddress) {
            redirect.addFlashAttribute("problem", "insurance.problem.noEmail");
        }
        return "redirect:/staff/insurance/claims/" + id;
    }

    /**
     * Submits every ready claim: the 837P downloads at once when every one was sent; when some were held back, the
     * batch's page lists them with what each lacks and offers the file of the others.
     */
    @PostMapping("/staff/insurance/submit")
    Object submit(RedirectAttributes redirect) {
        Optional<ClaimBatch> written = files.submitBatch();
        if (written.isEmpty()) {
            redirect.addFlashAttribute("notice", "insurance.notice.nothingReady");
            return "redirect:/staff/insurance?state=READY";
        }
        ClaimBatch batch = written.get();
        if (batch.held().isEmpty() && batch.file().isPresent()) {
            return download(
                    batch.file().get().getBytes(StandardCharsets.US_ASCII), "claims-837p.txt", MediaType.TEXT_PLAIN);
        }
        return "redirect:/staff/insurance/batches/" + batch.id();
    }

    @GetMapping("/staff/insurance/batches/{id}")
    String batch(@PathVariable UUID id, Model model) {
        model.addAttribute("batch", files.batch(id));
        return "insurance/batch";
    }

    @GetMapping("/staff/insurance/batches/{id}/837")
    ResponseEntity<byte[]> batchFile(@PathVariable UUID id) {
        String file = files.batchFile(id);
        return download(file.getBytes(StandardCharsets.US_ASCII), "claims-837p-" + id + ".txt", MediaType.TEXT_PLAIN);
    }

    static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(type)
                .body(body);
    }
}
