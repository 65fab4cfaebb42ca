package clinic.relief.insurance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.audit.AuditAction;
import clinic.relief.audit.ClinicalAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a 999 or 277CA and moves each claim it names: a rejected claim goes back to draft with the codes or segment
 * in error, an accepted one records that it is with the clearinghouse (999) or the payer (277CA, with the payer's
 * claim number). A 999 names 837 sets by group and set control number: every claim our export recorded in the set
 * moves, and a set no export of ours carried is listed as unmatched. Claims not
 * billed here are listed, the rest applied, in one transaction; an unreadable file is logged as refused.
 */
@Service
public class Acknowledgments {

    private final ClaimStore claims;
    private final ClaimExportStore exports;
    private final X12FileStore files;
    private final ClinicalAudit audit;
    private final Clock clock;
    private final TransactionTemplate applying;
    private final TransactionTemplate logging;

    Acknowledgments(
            ClaimStore claims,
            ClaimExportStore exports,
            X12FileStore files,
            ClinicalAudit audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.claims = claims;
        this.exports = exports;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.applying = new TransactionTemplate(transactions);
        this.logging = new TransactionTemplate(transactions);
        this.logging.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * What a file did: its type, the 837 sets accepted and rejected (999), the claims moved, those not billed here,
     * and the 999's sets no export of ours carried (as "group 17456 set 0001").
     */
    public record Read(
            UUID fileId,
            String type,
            int setsAccepted,
            int setsRejected,
            List<String> accepted,
            List<String> rejected,
            List<String> unmatched,
            List<String> unmatchedSets) {}

    /** Whether the file's first transaction set is a 999 or 277 (to route an upload). */
    public static boolean isAcknowledgment(String content) {
        return content.contains("ST*999*") || content.contains("ST*277*");
    }

    /**
     * @throws UnreadableRemittance when the file is not a 999 or 277CA this module reads (logged as refused)
     */
    public Read importFile(String content, X12File.Source source, String name) {
        try {
            return applying.execute(status -> apply(content, source, name));
        } catch (UnreadableRemittance unreadable) {
            logging.executeWithoutResult(status -> files.insert(
                    new X12File.Received(X12File.Kind.ACKNOWLEDGMENT_999, source, name, content),
                    X12File.Outcome.REFUSED,
                    "remittance." + unreadable.reason(),
                    "",
                    clock.instant()));
            throw unreadable;
        }
    }

    private Read apply(String content, X12File.Source source, String name) {
        Acknowledgment ack = Acknowledgment.read(content);
        X12File.Kind kind = ack.type().equals("999") ? X12File.Kind.ACKNOWLEDGMENT_999 : X12File.Kind.CLAIM_ACK_277CA;
        UUID fileId = files.insert(
                new X12File.Received(kind, source, name, content), X12File.Outcome.POSTED, "", "", clock.instant());
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<String> unmatchedSets = new ArrayList<>();
        Set<UUID> moved = new HashSet<>();
        for (Acknowledgment.SetAnswer set : ack.sets()) {
            List<UUID> carried = carried(set);
            if (carried.isEmpty()) {
                unmatchedSets.add(
                        set.wholeGroup()
                                ? "group " + set.group()
                                : "group " + set.group() + " set " + set.controlNumber());
            }
            String codes = String.join("; ", set.errors());
            for (UUID id : carried) {
                if (moved.add(id)) {
                    claims.lock(id)
                            .ifPresent(
                                    claim -> (move(claim, ack.type(), set.accepted(), codes, "") ? accepted : rejected)
                                            .add(claim.claimId()));
                }
            }
            for (String claimId : set.claimIds()) {
                Optional<Claim> named = number(claimId).flatMap(claims::lockByNumber);
                if (named.isEmpty()) {
                    unmatched.add(claimId);
                } else if (moved.add(named.get().id())) {
                    (move(named.get(), ack.type(), set.accepted(), codes, "") ? accepted : rejected).add(claimId);
                }
            }
        }
        for (Acknowledgment.ClaimAnswer answer : ack.claims()) {
            Optional<Claim> found = number(answer.claimId()).flatMap(claims::lockByNumber);
            if (found.isEmpty()) {
                unmatched.add(answer.claimId());
                continue;
            }
            move(found.get(), ack.type(), answer.accepted(), answer.codes(), answer.payerClaimNumber());
            (answer.accepted() ? accepted : rejected).add(answer.claimId());
        }
        int setsAccepted = (int)
                ack.sets().stream().filter(Acknowledgment.SetAnswer::accepted).count();
        Read read = new Read(
                fileId,
                ack.type(),
                setsAccepted,
                ack.sets().size() - setsAccepted,
                accepted,
                rejected,
                unmatched,
                unmatchedSets);
        files.detail(fileId, detail(read, ack));
        return read;
    }

    /** The claims our export recorded under the set's (or, for a whole group, the group's) control numbers. */
    private List<UUID> carried(Acknowledgment.SetAnswer set) {
        if (!set.group().matches("[0-9]{1,9}")) {
            return List.of();
        }
        long group = Long.parseLong(set.group());
        return set.wholeGroup() ? exports.claimsOf(group) : exports.claimsOf(group, set.controlNumber());
    }

    /** Applies one answer to a locked claim and audits it; whether it was an acceptance. */
    private boolean move(Claim claim, String type, boolean accepted, String codes, String payerClaimNumber) {
        claim.acknowledged(type, accepted, codes);
        claim.payerClaimNumber(payerClaimNumber);
        claims.update(claim);
        audit.record(
                AuditAction.AMEND, "insurance-claim", claim.id(), claim.facts().patientId());
        return accepted;
    }

    private static String detail(Read read, Acknowledgment ack) {
        StringBuilder detail = new StringBuilder(read.type());
        if (read.type().equals("999")) {
            detail.append(": sets accepted ")
                    .append(read.setsAccepted())
                    .append(", rejected ")
                    .append(read.setsRejected());
            ack.sets().stream()
                    .filter(s -> !s.errors().isEmpty())
                    .forEach(s -> detail.append(s.wholeGroup() ? "; group " + s.group() : "; set ")
                            .append(s.controlNumber())
                            .append(": ")
                            .append(String.join(", ", s.errors())));
        }
        detail.append("; claims accepted ").append(String.join(" ", read.accepted()));
        detail.append("; rejected ").append(String.join(" ", read.rejected()));
        if (!read.unmatched().isEmpty()) {
            detail.append("; not billed here ").append(String.join(" ", read.unmatched()));
        }
        if (!read.unmatchedSets().isEmpty()) {
            detail.append("; not sent from here ").append(String.join(", ", read.unmatchedSets()));
        }
        return detail.toString();
    }

    private static Optional<Long> number(String claimId) {
        return claimId.matches("R[0-9]{1,15}") ? Optional.of(Long.parseLong(claimId.substring(1))) : Optional.empty();
    }
}
