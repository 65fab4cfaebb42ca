package clinic.relief.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * An insurance claim for one completed appointment. Its changes are guarded by the state: a draft becomes ready
 * when nothing it needs is missing (lines, diagnoses, a signed note,
 * the patient's date of birth and sex ...), a ready claim is submitted in an 837P batch, the payer's 835 settles it as paid,
 * partly paid or denied, and a denied or partly paid claim may be appealed (then settled again). Each refused change
 * throws {@link ClaimStateConflict} naming the current state.
 */
public class Claim {

    private final UUID id;
    private final long number;
    private final Facts facts;
    private ClaimState state;
    private List<ClaimLine> lines;
    private List<Icd10> diagnoses;
    private Money paid;
    private Money patientShare;
    private Instant submittedAt;
    private String payerClaimNumber = "";
    private String acknowledgment = "";
    private String acknowledgmentCodes = "";

    /** What does not change once drafted: whose visit, under which coverage and prescription, when. */
    public record Facts(
            UUID appointmentId,
            UUID patientId,
            UUID coverageId,
            UUID prescriptionId,
            UUID therapistId,
            String serviceId,
            LocalDate serviceDate,
            Instant createdAt) {

        public Facts {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(coverageId, "coverageId");
            Objects.requireNonNull(serviceDate, "serviceDate");
        }
    }

    Claim(
            UUID id,
            long number,
            Facts facts,
            ClaimState state,
            List<ClaimLine> lines,
            List<Icd10> diagnoses,
            Money paid,
            Money patientShare,
            Instant submittedAt) {
        this.id = id;
        this.number = number;
        this.facts = facts;
        this.state = state;
        this.lines = List.copyOf(lines);
        this.diagnoses = List.copyOf(diagnoses);
        this.paid = paid;
        this.patientShare = patientShare;
        this.submittedAt = submittedAt;
    }

    /** Replaces the lines of a draft. */
    void relines(List<ClaimLine> newLines) {
        require("change the lines of", ClaimState.DRAFT);
        lines = List.copyOf(newLines);
    }

    /** Marks a draft ready; {@code gaps} are what it still lacks (see {@link ClaimReadiness}), none for ready. */
    void markReady(List<ClaimGap> gaps) {
        require("mark ready", ClaimState.DRAFT);
        if (!gaps.isEmpty()) {
            throw new ClaimIncomplete(number, gaps);
        }
        state = ClaimState.READY;
    }

    void backToDraft() {
        require("reopen", ClaimState.READY);
        state = ClaimState.DRAFT;
    }

    /**
     * Sends a ready claim. An acknowledgment of an earlier submission (a 999 or 277CA that rejected it) answered that
     * file, not this one: the claim waits for its new acknowledgment.
     */
    void submit(Instant at) {
        require("submit", ClaimState.READY);
        state = ClaimState.SUBMITTED;
        submittedAt = at;
        acknowledgment = "";
        acknowledgmentCodes = "";
    }

    /** The payer's answer: adds what it paid and what the patient owes, and moves to {@code outcome}. */
    void settle(ClaimState outcome, Money paidNow, Money patientShareNow) {
        require("post a remittance to", ClaimState.SUBMITTED, ClaimState.APPEALED, ClaimState.PARTLY_PAID);
        if (!outcome.settled()) {
            throw new IllegalArgumentException("Not a payer's answer: " + outcome);
        }
        state = outcome;
        paid = paid.plus(paidNow);
        patientShare = patientShare.plus(patientShareNow);
    }

    /**
     * The payer's reversal of an earlier payment (835 CLP02 = 22): takes back what it paid and what it put on the
     * patient ({@code paidBack} and {@code shareBack} are zero or negative), and the claim waits on the payer again
     * until the corrected payment, which usually follows in the same 835.
     */
    void reverse(Money paidBack, Money shareBack) {
        require("reverse a payment of", ClaimState.PAID, ClaimState.PARTLY_PAID, ClaimState.DENIED);
        if (paidBack.isPositive() || shareBack.isPositive()) {
            throw new IllegalArgumentException("A reversal takes amounts back");
        }
        state = ClaimState.SUBMITTED;
        paid = paid.plus(paidBack);
        patientShare = patientShare.plus(shareBack);
    }

    /** Records the payer's claim control number (835 CLP07), which corrected and void claims quote back. */
    void payerClaimNumber(String number) {
        if (!number.isBlank()) {
            payerClaimNumber = number.strip();
        }
    }

    /**
     * A 999 or 277CA answer about the claim ({@code kind} "999" or "277CA"). A rejected claim that was submitted goes
     * back to draft, to be fixed and sent again; an accepted one stays submitted, now known to be with the payer.
     */
    void acknowledged(String kind, boolean accepted, String codes) {
        acknowledgment = (accepted ? "ACCEPTED_" : "REJECTED_") + kind;
        acknowledgmentCodes = codes.length() > 120 ? codes.substring(0, 120) : codes;
        if (!accepted && state == ClaimState.SUBMITTED) {
            state = ClaimState.DRAFT;
        }
    }

    void acknowledgment(String kind, String codes) {
        acknowledgment = kind;
        acknowledgmentCodes = codes;
    }

    /** The last acknowledgment: ACCEPTED_999, REJECTED_999, ACCEPTED_277CA, REJECTED_277CA; empty before any. */
    public String acknowledgment() {
        return acknowledgment;
    }

    /** The codes or segment in error of the last acknowledgment. */
    public String acknowledgmentCodes() {
        return acknowledgmentCodes;
    }

    /** The payer's claim control number from its last 835, empty before any. */
    public String payerClaimNumber() {
        return payerClaimNumber;
    }

    /** Back to draft to be corrected and sent again (CLM05-3 = 7) after the payer adjudicated it. */
    void reopenForCorrection() {
        require("correct", ClaimState.PAID, ClaimState.PARTLY_PAID, ClaimState.DENIED);
        state = ClaimState.DRAFT;
    }

    /** Ready to be sent again as a void (CLM05-3 = 8) of what the payer adjudicated. */
    void readyToVoid() {
        require("void", ClaimState.PAID, ClaimState.PARTLY_PAID, ClaimState.DENIED);
        state = ClaimState.READY;
    }

    void appeal() {
        require("appeal", ClaimState.DENIED, ClaimState.PARTLY_PAID);
        state = ClaimState.APPEALED;
    }

    private void require(String change, ClaimState... allowed) {
        if (!List.of(allowed).contains(state)) {
            throw new ClaimStateConflict(number, state, change);
        }
    }

    public Money charge() {
        return lines.stream().map(ClaimLine::charge).reduce(Money.ZERO, Money::plus);
    }

    /** What is neither paid by the payer nor owed by the patient (contractual write-offs and open amounts). */
    public Money balance() {
        return charge().minus(paid).minus(patientShare);
    }

    public UUID id() {
        return id;
    }

    public long number() {
        return number;
    }

    /** The claim id on the 837P (CLM01) and the 835 (CLP01). */
    public String claimId() {
        return "R" + number;
    }

    public Facts facts() {
        return facts;
    }

    public ClaimState state() {
        return state;
    }

    public List<ClaimLine> lines() {
        return lines;
    }

    public List<Icd10> diagnoses() {
        return diagnoses;
    }

    public Money paid() {
        return paid;
    }

    public Money patientShare() {
        return patientShare;
    }

    public Instant submittedAt() {
        return submittedAt;
    }
}
