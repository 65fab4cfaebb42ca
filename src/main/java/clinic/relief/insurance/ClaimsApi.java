package clinic.relief.insurance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The claims API for integrations (bearer token or session; OWNER and FRONT_DESK, see {@link
 * InsuranceRequestRules}): claims by state, one claim with its history (acknowledgment, payments with their
 * adjustments), a claim's or a batch's 837P, and posting an 835, 999, 277CA or 271 file through the same code as the
 * remittances page. A refused file is a 422 problem with the reason; nothing is posted.
 */
@Tag(name = "Insurance claims")
@RestController
@RequestMapping("/api/insurance")
class ClaimsApi {

    private static final MediaType X12 = new MediaType("application", "edi-x12", StandardCharsets.UTF_8);

    private final ClaimDesk desk;
    private final ClaimFiles files;
    private final ClaimRemittances payments;
    private final Remittances remittances;
    private final Acknowledgments acknowledgments;
    private final Eligibility eligibility;
    private final MessageSource messages;

    ClaimsApi(
            ClaimDesk desk,
            ClaimFiles files,
            ClaimRemittances payments,
            Remittances remittances,
            Acknowledgments acknowledgments,
            Eligibility eligibility,
            MessageSource messages) {
        this.desk = desk;
        this.files = files;
        this.payments = payments;
        this.remittances = remittances;
        this.acknowledgments = acknowledgments;
        this.eligibility = eligibility;
        this.messages = messages;
    }

    /** A claim in a list. */
    record Summary(
            UUID id,
            String claimId,
            ClaimState state,
            UUID patientId,
            LocalDate serviceDate,
            BigDecimal charge,
            BigDecimal paid,
            BigDecimal patientShare,
            String acknowledgment) {

        static Summary of(Claim c) {
            return new Summary(
                    c.id(),
                    c.claimId(),
                    c.state(),
                    c.facts().patientId(),
                    c.facts().serviceDate(),
                    c.charge().amount(),
                    c.paid().amount(),
                    c.patientShare().amount(),
                    c.acknowledgment());
        }
    }

    /** A claim with its history. */
    record Detail(
            Summary claim,
            Instant createdAt,
            String acknowledgmentCodes,
            String payerClaimNumber,
            List<ClaimRemittances.Payment> payments) {}

    @GetMapping("/claims")
    List<Summary> claims(@RequestParam("state") ClaimState state) {
        return desk.inState(state).stream().map(Summary::of).toList();
    }

    @GetMapping("/claims/{id}")
    Detail claim(@PathVariable UUID id) {
        Claim claim = desk.get(id);
        return new Detail(
                Summary.of(claim),
                claim.facts().createdAt(),
                claim.acknowledgmentCodes(),
                claim.payerClaimNumber(),
                payments.of(id));
    }

    @GetMapping(value = "/claims/{id}/837", produces = "application/edi-x12")
    ResponseEntity<String> claim837(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(X12).body(files.x12Of(id));
    }

    @GetMapping(value = "/batches/{id}/837", produces = "application/edi-x12")
    ResponseEntity<String> batch837(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(X12).body(files.batchFile(id));
    }

    /** What posting a file did. */
    record Posted(
            String type,
            UUID fileId,
            int posted,
            List<String> accepted,
            List<String> rejected,
            List<String> unmatched,
            List<String> unmatchedSets) {}

    @PostMapping(
            value = "/x12",
            consumes = {"application/edi-x12", "text/plain"})
    ResponseEntity<?> post(
            @RequestBody String content, @RequestParam(value = "name", defaultValue = "api") String name) {
        if (content.indexOf('\0') >= 0) {
            return refused("insurance.problem.remittance.unreadable", "");
        }
        try {
            if (Eligibility.isEligibilityResponse(content)) {
                Eligibility.Imported read = eligibility.importFile(
                        new X12File.Received(X12File.Kind.ELIGIBILITY_271, X12File.Source.API, name, content));
                return ResponseEntity.ok(new Posted(
                        "271", read.fileId(), read.checked().size(), List.of(), List.of(), List.of(), List.of()));
            }
            if (Acknowledgments.isAcknowledgment(content)) {
                Acknowledgments.Read read = acknowledgments.importFile(content, X12File.Source.API, name);
                return ResponseEntity.ok(new Posted(
                        read.type(),
                        read.fileId(),
                        read.accepted().size() + read.rejected().size(),
                        read.accepted(),
                        read.rejected(),
                        read.unmatched(),
                        read.unmatchedSets()));
            }
            Remittances.Imported imported = remittances.importFile(
                    new X12File.Received(X12File.Kind.REMITTANCE_835, X12File.Source.API, name, content));
            return ResponseEntity.ok(new Posted(
                    "835",
                    imported.fileId(),
                    imported.posted(),
                    List.of(),
                    List.of(),
                    imported.unmatched(),
                    List.of()));
        } catch (UnreadableRemittance unreadable) {
            return refused("insurance.problem.remittance." + unreadable.reason(), "");
        } catch (RemittanceRefused refused) {
            return refused("insurance.problem.remittance." + refused.reason(), refused.claimId());
        } catch (EligibilityRefused refused) {
            return refused("insurance.problem.eligibility." + refused.reason(), String.join(", ", refused.codes()));
        }
    }

    /**
     * A claim that lacks a required field has no 837P: a 422 problem whose detail names each missing field and whose
     * {@code missing} lists them by {@link ClaimGap} name.
     */
    @ExceptionHandler(ClaimIncomplete.class)
    ResponseEntity<ProblemDetail> incomplete(ClaimIncomplete incomplete) {
        Locale locale = LocaleContextHolder.getLocale();
        String missing = String.join(
                " ",
                incomplete.missing().stream()
                        .map(gap -> messages.getMessage(gap.messageKey(), null, locale))
                        .toList());
        ResponseEntity<ProblemDetail> answer = refused("insurance.problem.incompleteExport", missing);
        answer.getBody()
                .setProperty(
                        "missing",
                        incomplete.missing().stream().map(ClaimGap::name).toList());
        return answer;
    }

    private ResponseEntity<ProblemDetail> refused(String key, String argument) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setTitle(messages.getMessage("problem.status.422", null, "Unprocessable content", locale));
        problem.setDetail(messages.getMessage(key, new Object[] {argument}, locale));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
