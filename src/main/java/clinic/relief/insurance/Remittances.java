package clinic.relief.insurance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import clinic.relief.billing.PatientShareDetermined;
import clinic.relief.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts an 835 as payers send it, in one transaction: every transaction set of the file; reversals (CLP02 = 22) take
 * back an earlier payment and the corrected payment after them posts again; claims this clinic did not bill are listed
 * as unmatched while the rest post; PLB provider adjustments are recorded. Each claim payment and PLB adjustment is
 * posted once (posting the same file again changes nothing). The claim's patient share goes to billing as {@link
 * PatientShareDetermined} (billing keeps the visit's patient-share lines equal to it). A file that does not read, pays
 * more than was billed, pays a claim already paid, or would move a claim the wrong way is refused whole: logged with
 * its content and the reason, nothing posted, and it can be posted again later ({@link #repost}). A denial paying
 * nothing of a claim already paid here (a payer denying the claim sent twice, CARC 18) is no reason to refuse the
 * file: the claim stays as it is and the denial is listed as {@link Imported#duplicateDenials()}.
 */
@Service
public class Remittances {

    private final ClaimStore claims;
    private final RemittanceStore remittances;
    private final X12FileStore files;
    private final ApplicationEventPublisher events;
    private final ClinicalAudit audit;
    private final Clock clock;
    private final TransactionTemplate posting;
    private final TransactionTemplate logging;

    Remittances(
            ClaimStore claims,
            RemittanceStore remittances,
            X12FileStore files,
            ApplicationEventPublisher events,
            ClinicalAudit audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.claims = claims;
        this.remittances = remittances;
        this.files = files;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.posting = new TransactionTemplate(transactions);
        this.logging = new TransactionTemplate(transactions);
        this.logging.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * What an import did: claim payments posted now, those posted by an earlier import of the same lines, the claim
     * ids the clinic did not bill (not posted), the PLB adjustments recorded now, and the claim ids of zero-paid
     * denials of claims already paid here (not posted; those claims stay paid).
     */
    public record Imported(
            UUID fileId,
            int posted,
            int alreadyPosted,
            List<String> unmatched,
            int providerAdjustments,
            List<String> duplicateDenials) {

        public Imported {
            unmatched = List.copyOf(unmatched);
            duplicateDenials = List.copyOf(duplicateDenials);
        }
    }

    /** Posts an uploaded 835. */
    public Imported importFile(String content) {
        return importFile(new X12File.Received(X12File.Kind.REMITTANCE_835, X12File.Source.UPLOAD, "835", content));
    }

    /**
     * Posts an 835 wholly or not at all.
     *
     * @throws UnreadableRemittance when the file is not an 835 this module reads (logged as refused)
     * @throws RemittanceRefused when posting it would be wrong for a claim (logged as refused)
     */
    public Imported importFile(X12File.Received file) {
        try {
            return posting.execute(status -> post(file));
        } catch (UnreadableRemittance unreadable) {
            refused(file, "remittance." + unreadable.reason(), "");
            throw unreadable;
        } catch (RemittanceRefused refused) {
            refused(file, "remittance." + refused.reason(), refused.claimId());
            throw refused;
        }
    }

    /** Posts a logged file again (one refused earlier, once its claims are fixed); logged as a new file. */
    public Imported repost(UUID fileId) {
        X12File.Received file = files.content(fileId).orElseThrow(() -> new UnknownX12File(fileId));
        return importFile(file);
    }

    private void refused(X12File.Received file, String problem, String detail) {
        logging.executeWithoutResult(
                status -> files.insert(file, X12File.Outcome.REFUSED, problem, detail, clock.instant()));
    }

    private Imported post(X12File.Received file) {
        Remittance remittance = Remittance.read(file.content());
        Instant now = clock.instant();
        UUID fileId = files.insert(file, X12File.Outcome.POSTED, "", "", now);
        Map<Long, Claim> touched = new LinkedHashMap<>();
        Map<Long, String> lastReference = new LinkedHashMap<>();
        Map<Long, Money> shareBefore = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        List<String> duplicateDenials = new ArrayList<>();
        int duplicates = 0;
        int posted = 0;
        for (Remittance.ClaimPayment payment : remittance.payments()) {
            Optional<Long> number = number(payment.claimId());
            Optional<Claim> claim = number.map(
                            n -> touched.containsKey(n) ? Optional.of(touched.get(n)) : claims.lockByNumber(n))
                    .orElse(Optional.empty());
            if (claim.isEmpty()) {
                if (!unmatched.contains(payment.claimId())) {
                    unmatched.add(payment.claimId());
                }
                continue;
            }
            if (deniesWhatIsPaid(claim.get(), payment)) {
                duplicates++;
                if (!duplicateDenials.contains(payment.claimId())) {
                    duplicateDenials.add(payment.claimId());
                }
                continue;
            }
            touched.put(claim.get().number(), claim.get());
            shareBefore.putIfAbsent(claim.get().number(), claim.get().patientShare());
            if (claims.insertPayment(claim.get().number(), payment, fileId, now)) {
                apply(claim.get(), payment);
                lastReference.put(claim.get().number(), payment.reference());
                posted++;
            }
        }
        lastReference.forEach((number, reference) -> settled(touched.get(number), shareBefore.get(number), reference));
        int plb = (int) remittance.providerAdjustments().stream()
                .filter(adjustment -> remittances.insertProviderAdjustment(adjustment, fileId, now))
                .count();
        Imported imported = new Imported(
                fileId,
                posted,
                remittance.payments().size() - posted - duplicates - unmatchedCount(remittance, unmatched),
                unmatched,
                plb,
                duplicateDenials);
        files.detail(fileId, detail(imported));
        return imported;
    }

    /**
     * A denial that pays nothing (CLP04 = 0) of a claim already paid here: the payer denying a second copy of the claim
     * (typically CARC 18, exact duplicate). Not posted, so the paid claim keeps its payment, share and payer number.
     */
    private static boolean deniesWhatIsPaid(Claim claim, Remittance.ClaimPayment payment) {
        return claim.state() == ClaimState.PAID
                && !payment.reversal()
                && payment.paid().isZero()
                && outcome(payment) == ClaimState.DENIED;
    }

    private static int unmatchedCount(Remittance remittance, List<String> unmatched) {
        return (int) remittance.payments().stream()
                .filter(p -> unmatched.contains(p.claimId()))
                .count();
    }

    private void apply(Claim claim, Remittance.ClaimPayment payment) {
        try {
            if (payment.reversal()) {
                if (claim.paid().plus(payment.paid()).isNegative()
                        || claim.patientShare().plus(payment.patientShare()).isNegative()) {
                    throw new RemittanceRefused("reversal", payment.claimId());
                }
                claim.reverse(payment.paid().min(Money.ZERO), payment.patientShare());
            } else {
                if (claim.state() == ClaimState.PAID) {
                    throw new RemittanceRefused("alreadyPaid", payment.claimId());
                }
                if (claim.paid().plus(payment.paid()).compareTo(claim.charge()) > 0) {
                    throw new RemittanceRefused("overpaid", payment.claimId());
                }
                claim.settle(outcome(payment), payment.paid().max(Money.ZERO), payment.patientShare());
            }
        } catch (ClaimStateConflict conflict) {
            throw new RemittanceRefused("state", payment.claimId());
        }
        claim.payerClaimNumber(payment.payerClaimNumber());
    }

    /** Saves a claim the file changed and tells billing what the patient now owes for the visit. */
    private void settled(Claim claim, Money shareBefore, String reference) {
        claims.update(claim);
        audit.record(
                AuditAction.AMEND, "insurance-claim", claim.id(), claim.facts().patientId());
        if (claim.patientShare().equals(shareBefore)) {
            return;
        }
        events.publishEvent(new PatientShareDetermined(
                claim.facts().patientId(),
                claim.facts().appointmentId(),
                claim.patientShare().max(Money.ZERO),
                "835:" + reference));
    }

    private static String detail(Imported imported) {
        return "posted " + imported.posted() + ", already posted " + imported.alreadyPosted() + ", PLB "
                + imported.providerAdjustments()
                + (imported.unmatched().isEmpty() ? "" : ", not billed here: " + String.join(" ", imported.unmatched()))
                + (imported.duplicateDenials().isEmpty()
                        ? ""
                        : ", denied as duplicates, claims stay paid: " + String.join(" ", imported.duplicateDenials()));
    }

    /**
     * Denied when the payer says so (CLP02 = 4) or neither it nor the patient owes anything; paid when the payment,
     * the patient's share and the contractual write-off account for the whole charge; otherwise partly paid.
     */
    static ClaimState outcome(Remittance.ClaimPayment p) {
        if (p.status().equals("4") || (p.paid().isZero() && p.patientShare().isZero())) {
            return ClaimState.DENIED;
        }
        Money accounted = p.paid().plus(p.patientShare()).plus(p.contractual());
        return accounted.compareTo(p.charge()) >= 0 ? ClaimState.PAID : ClaimState.PARTLY_PAID;
    }

    private static Optional<Long> number(String claimId) {
        return claimId.matches("R[0-9]{1,15}") ? Optional.of(Long.parseLong(claimId.substring(1))) : Optional.empty();
    }
}
