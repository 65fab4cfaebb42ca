package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Eligibility by X12: writes a coverage's 270 ({@link Eligibility270}; logged as sent, its trace number kept) and
 * reads a 271 ({@link Eligibility271}): for each member answered, the coverage (by the trace number it echoes, else
 * by payer and member id) gets an eligibility check with what the payer said, dated, and its terms (copay,
 * coinsurance, deductible met, visits allowed and used) set to the 271's. A 271 that does not read, breaks the schema,
 * carries the payer's AAA rejection (an unknown member, AAA*N**75), names a member no coverage here has, or says
 * neither active nor inactive changes none of the terms: it is logged as refused with the reason (an AAA rejection
 * also on the coverage it answers, shown on the chart as {@link Status#lastRejection}) and {@link EligibilityRefused}
 * (or {@link UnreadableRemittance} for the envelope) tells why. Callers let only OWNER and FRONT_DESK reach it.
 */
@Service
public class Eligibility {

    private final CoverageStore coverages;
    private final EligibilityStore store;
    private final X12FileStore files;
    private final BillingProvider provider;
    private final Patients patients;
    private final ClinicalAudit audit;
    private final ClinicProfile clinic;
    private final Clock clock;
    private final TransactionTemplate applying;
    private final TransactionTemplate logging;

    Eligibility(
            CoverageStore coverages,
            EligibilityStore store,
            X12FileStore files,
            BillingProvider provider,
            Patients patients,
            ClinicalAudit audit,
            ClinicProfile clinic,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.coverages = coverages;
        this.store = store;
        this.files = files;
        this.provider = provider;
        this.patients = patients;
        this.audit = audit;
        this.clinic = clinic;
        this.clock = clock;
        this.applying = new TransactionTemplate(transactions);
        this.logging = new TransactionTemplate(transactions);
        this.logging.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A 270 written for a coverage: its log id, file name, trace number and text. */
    public record Request(UUID fileId, UUID patientId, String name, String trace, String content) {}

    /** What a 271 did: its log id and, per member answered, the coverage checked and whether it is active. */
    public record Imported(UUID fileId, List<Checked> checked) {

        public Imported {
            checked = List.copyOf(checked);
        }
    }

    /** One coverage checked by a 271. */
    public record Checked(UUID coverageId, boolean active) {}

    /**
     * The coverage's state of eligibility for the chart: the last 270 sent, the last 271's answer and the payer's
     * AAA rejection of a request when it came after that answer.
     */
    public record Status(
            UUID coverageId,
            String payerName,
            String memberId,
            Optional<Instant> lastRequest,
            Optional<EligibilityResult> lastAnswer,
            Optional<EligibilityRejection> lastRejection) {}

    /** Writes the coverage's 270 for today's date of service, logs it as sent and keeps its trace number. */
    @Transactional
    public Request request(UUID coverageId, X12File.Source source) {
        Coverage coverage = coverages.find(coverageId).orElseThrow(() -> new UnknownCoverage(coverageId));
        var patient = patients.get(coverage.patientId());
        LocalDate today = LocalDate.now(clock.withZone(clinic.zone()));
        long control = 1 + Math.floorMod(clock.millis() / 1000, 999_999_998L);
        String trace = "R" + Long.toString(clock.millis(), 36).toUpperCase()
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String content = new Eligibility270(provider.required())
                .write(coverage, patient, today, trace, control, clock.instant().atZone(clinic.zone()), false);
        String name = "eligibility-" + trace + ".270";
        UUID fileId = files.insert(
                new X12File.Received(X12File.Kind.ELIGIBILITY_270, source, name, content),
                X12File.Outcome.SENT,
                "",
                "trace " + trace,
                clock.instant());
        store.insertRequest(trace, coverageId, fileId, Insurance.actor(), clock.instant());
        audit.record(AuditAction.READ, "insurance-coverage", coverageId, coverage.patientId());
        return new Request(fileId, coverage.patientId(), name, trace, content);
    }

    /** The text of a 270 this module wrote (for the desk to send by hand). */
    @Transactional(readOnly = true)
    public X12File.Received sent270(UUID fileId) {
        return files.content(fileId)
                .filter(f -> f.kind() == X12File.Kind.ELIGIBILITY_270)
                .orElseThrow(() -> new UnknownX12File(fileId));
    }

    /** Whether the file's transaction set is a 271 (to route an upload or a polled file). */
    public static boolean isEligibilityResponse(String content) {
        return content.replaceAll("[\\r\\n]", "").matches("(?s).*~\\s*ST\\*271\\*.*");
    }

    /**
     * Reads and applies a 271 wholly or not at all.
     *
     * @throws UnreadableRemittance when the envelope is cut short, of another type or with other separators
     * @throws EligibilityRefused when it breaks the schema, carries rejections or names an unknown member
     */
    public Imported importFile(X12File.Received file) {
        List<Rejected> rejected = new ArrayList<>();
        try {
            return applying.execute(status -> apply(file, rejected));
        } catch (UnreadableRemittance unreadable) {
            refused(file, "remittance." + unreadable.reason(), "", List.of());
            throw unreadable;
        } catch (EligibilityRefused refused) {
            refused(file, "eligibility." + refused.reason(), String.join("; ", refused.codes()), rejected);
            throw refused;
        }
    }

    /** A coverage the payer's AAA segments answered, with them. */
    private record Rejected(Coverage coverage, List<Eligibility271.Rejection> rejections) {}

    /** Logs the file as refused and, on each coverage the payer rejected the request of, why (AAA). */
    private void refused(X12File.Received file, String problem, String detail, List<Rejected> rejected) {
        X12File.Received logged =
                new X12File.Received(X12File.Kind.ELIGIBILITY_271, file.source(), file.name(), file.content());
        logging.executeWithoutResult(status -> {
            UUID fileId = files.insert(logged, X12File.Outcome.REFUSED, problem, detail, clock.instant());
            for (Rejected r : rejected) {
                store.insertRejection(r.coverage().id(), fileId, r.rejections(), clock.instant());
                audited(r.coverage());
            }
        });
    }

    private Imported apply(X12File.Received file, List<Rejected> rejected) {
        Eligibility271 response = Eligibility271.read(file.content());
        if (!response.problems().isEmpty()) {
            throw new EligibilityRefused("invalid", response.problems());
        }
        List<String> rejections = new ArrayList<>();
        response.rejections().forEach(r -> rejections.add(r.code()));
        response.answers().forEach(a -> a.rejections().forEach(r -> rejections.add(r.code())));
        if (!rejections.isEmpty()) {
            for (Eligibility271.Answer answer : response.answers()) {
                if (!answer.rejections().isEmpty()) {
                    coverageOf(response.payerId(), answer)
                            .ifPresent(c -> rejected.add(new Rejected(c, answer.rejections())));
                }
            }
            throw new EligibilityRefused("rejected", rejections);
        }
        if (response.answers().isEmpty()) {
            throw new EligibilityRefused("unknownMember", List.of());
        }
        List<Matched> matched = new ArrayList<>();
        for (Eligibility271.Answer answer : response.answers()) {
            Optional<Coverage> coverage = coverageOf(response.payerId(), answer);
            if (coverage.isEmpty()) {
                throw new EligibilityRefused("unknownMember", List.of(answer.memberId()));
            }
            if (answer.active().isEmpty()) {
                throw new EligibilityRefused("noStatus", List.of(answer.memberId()));
            }
            matched.add(new Matched(coverage.get(), answer));
        }
        UUID fileId = files.insert(
                new X12File.Received(X12File.Kind.ELIGIBILITY_271, file.source(), file.name(), file.content()),
                X12File.Outcome.POSTED,
                "",
                "",
                clock.instant());
        List<Checked> checked = new ArrayList<>();
        for (Matched m : matched) {
            checked.add(applyAnswer(m.coverage(), m.answer(), fileId));
        }
        files.detail(
                fileId,
                "coverages checked " + checked.size() + ", active "
                        + checked.stream().filter(Checked::active).count());
        return new Imported(fileId, checked);
    }

    private record Matched(Coverage coverage, Eligibility271.Answer answer) {}

    private Optional<Coverage> coverageOf(String payerId, Eligibility271.Answer answer) {
        Optional<UUID> byTrace = answer.trace().isEmpty() ? Optional.empty() : store.coverageOfTrace(answer.trace());
        if (byTrace.isPresent()) {
            return coverages.find(byTrace.get());
        }
        if (answer.memberId().isEmpty() || payerId.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> ids = store.coveragesOfMember(payerId, answer.memberId());
        return ids.size() == 1 ? coverages.find(ids.get(0)) : Optional.empty();
    }

    private Checked applyAnswer(Coverage coverage, Eligibility271.Answer answer, UUID fileId) {
        boolean active = answer.active().orElse(false);
        BigDecimal copay = answer.copay().orElse(null);
        BigDecimal coinsurance = answer.coinsurancePercent()
                .filter(p -> p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0)
                .orElse(null);
        BigDecimal deductible = answer.deductible().orElse(null);
        BigDecimal remaining = answer.deductibleRemaining().orElse(null);
        Integer allowed = answer.visitsAllowed().orElse(null);
        Integer left = answer.visitsRemaining().orElse(null);
        EligibilityStore.Said said = new EligibilityStore.Said(
                active, answer.planName(), copay, coinsurance, deductible, remaining, allowed, left);
        store.insertCheck(
                UUID.randomUUID(), coverage.id(), said, answer.trace(), fileId, Insurance.actor(), clock.instant());
        if (active) {
            BigDecimal total = deductible == null ? coverage.deductible().amount() : deductible;
            BigDecimal met = remaining == null
                    ? null
                    : total.subtract(remaining).max(BigDecimal.ZERO).min(total);
            Integer cap = allowed == null ? coverage.visitsAllowed().orNull() : allowed;
            Integer used = left == null || cap == null ? null : Math.max(0, cap - left);
            store.applyTerms(coverage.id(), copay, coinsurance, deductible, met, allowed, used);
        }
        audited(coverage);
        return new Checked(coverage.id(), active);
    }

    private void audited(Coverage coverage) {
        if (Insurance.actor().equals("system")) {
            audit.recordAs(
                    "system", "SYSTEM", AuditAction.AMEND, "insurance-coverage", coverage.id(), coverage.patientId());
        } else {
            audit.record(AuditAction.AMEND, "insurance-coverage", coverage.id(), coverage.patientId());
        }
    }

    /** The patient's coverages with their last 270 and 271, for the chart; recorded as a read. */
    @Transactional
    public List<Status> ofPatient(UUID patientId) {
        List<Status> all = coverages.ofPatient(patientId).stream()
                .map(c -> new Status(
                        c.id(),
                        c.payerName(),
                        c.memberId(),
                        store.lastRequest(c.id()),
                        store.lastAnswer(c.id()),
                        store.lastRejection(c.id())))
                .toList();
        if (!all.isEmpty()) {
            audit.record(AuditAction.READ, "insurance-eligibility", patientId, patientId);
        }
        return all;
    }
}
