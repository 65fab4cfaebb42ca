package clinic.relief.insurance;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import clinic.relief.shared.Money;
import com.imsweb.x12.reader.X12Reader;

import static clinic.relief.insurance.X12Interchange.id;
import static clinic.relief.insurance.X12Interchange.value;

/**
 * An 835 remittance advice as payers send it: any number of transaction sets (ST/SE) in one interchange, each with its
 * payment trace (TRN), claim payments (loop 2100: CLP with its CAS adjustments, claim and service-line level, and the
 * remark codes of MOA and LQ) and provider-level adjustments (PLB). The envelope is checked first
 * ({@link X12Interchange}), then the whole file against x12-parser's 5010 X221A1 layout; a file either does not pass is
 * refused whole.
 */
record Remittance(List<ClaimPayment> payments, List<ProviderAdjustment> providerAdjustments) {

    /** CLP02 for a reversal of an earlier payment (the 835 guide's "reversal of previous payment"). */
    static final String REVERSAL = "22";

    /** One CLP with its adjustments; {@code reference} identifies it across imports (trace / claim / payer claim). */
    record ClaimPayment(
            String claimId,
            String status,
            Money charge,
            Money paid,
            Money patientResponsibility,
            String payerClaimNumber,
            String reference,
            List<Adjustment> adjustments,
            List<String> remarks) {

        ClaimPayment(
                String claimId,
                String status,
                Money charge,
                Money paid,
                Money patientResponsibility,
                String reference,
                List<Adjustment> adjustments) {
            this(claimId, status, charge, paid, patientResponsibility, "", reference, adjustments, List.of());
        }

        boolean reversal() {
            return status.equals(REVERSAL);
        }

        /**
         * The patient's share: the PR adjustments, or CLP05 when the payer sent none. Negative only in a reversal,
         * which takes back what the reversed payment put on the patient.
         */
        Money patientShare() {
            Money pr = adjustments.stream()
                    .filter(a -> a.group().equals("PR"))
                    .map(Adjustment::amount)
                    .reduce(Money.ZERO, Money::plus);
            Money share = pr.isZero() ? patientResponsibility : pr;
            return reversal() ? share.min(Money.ZERO) : share.max(Money.ZERO);
        }

        /** Contractual write-offs the clinic agreed to (CO-45 and CO-42: the payer's fee schedule). */
        Money contractual() {
            return adjustments.stream()
                    .filter(a -> a.group().equals("CO")
                            && (a.reason().equals("45") || a.reason().equals("42")))
                    .map(Adjustment::amount)
                    .reduce(Money.ZERO, Money::plus);
        }
    }

    record Adjustment(String group, String reason, Money amount) {}

    /** A PLB adjustment: not tied to a claim (interest, a recovered overpayment, a withholding). */
    record ProviderAdjustment(
            String reference, String provider, String fiscalDate, String reason, String identifier, Money amount) {}

    /**
     * x12-parser 1.13 reports this when the payee loop (1000B) has no REF, which the X221A1 guide makes situational
     * and many payers leave out; it is not an error in the file.
     */
    static final String SPURIOUS_PAYEE_REF = "REF in loop 1000B appears too many times";

    static Remittance read(String content) {
        X12Interchange interchange = X12Interchange.read(content, "835");
        checkLayout(content);
        List<ClaimPayment> payments = new ArrayList<>();
        List<ProviderAdjustment> plb = new ArrayList<>();
        try {
            for (X12Interchange.Transaction set : interchange.transactions()) {
                read(set, interchange.component(), payments, plb);
            }
        } catch (IllegalArgumentException | ArithmeticException malformed) {
            throw new UnreadableRemittance("amounts");
        }
        if (payments.isEmpty() && plb.isEmpty()) {
            throw new UnreadableRemittance("noClaims");
        }
        return new Remittance(payments, plb);
    }

    private static void checkLayout(String content) {
        X12Reader reader;
        try {
            reader = new X12Reader(X12Reader.FileType.ANSI835_5010_X221, new StringReader(content));
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadableRemittance("layout");
        }
        List<String> errors = reader.getErrors().stream()
                .filter(e -> !e.equals(SPURIOUS_PAYEE_REF))
                .toList();
        if (!reader.getFatalErrors().isEmpty()
                || !errors.isEmpty()
                || reader.getLoops().isEmpty()) {
            throw new UnreadableRemittance("layout");
        }
    }

    private static void read(
            X12Interchange.Transaction set, char component, List<ClaimPayment> payments, List<ProviderAdjustment> plb) {
        String trace = set.segments().stream()
                .filter(s -> id(s).equals("TRN"))
                .map(s -> value(s, 2))
                .filter(t -> !t.isEmpty())
                .findFirst()
                .orElseThrow(() -> new UnreadableRemittance("noTrace"));
        Claim835 current = null;
        for (List<String> segment : set.segments()) {
            switch (id(segment)) {
                case "CLP" -> {
                    if (current != null) {
                        payments.add(current.payment(trace));
                    }
                    current = new Claim835(segment);
                }
                case "CAS" -> {
                    if (current != null) {
                        current.adjustments.addAll(adjustments(segment));
                    }
                }
                case "MOA" -> {
                    if (current != null) {
                        for (int i = 3; i <= 7; i++) {
                            addRemark(current, value(segment, i));
                        }
                    }
                }
                case "LQ" -> {
                    if (current != null && value(segment, 1).equals("HE")) {
                        addRemark(current, value(segment, 2));
                    }
                }
                case "LX", "PLB" -> {
                    if (current != null) {
                        payments.add(current.payment(trace));
                        current = null;
                    }
                    if (id(segment).equals("PLB")) {
                        plb.addAll(providerAdjustments(segment, component, trace, plb.size()));
                    }
                }
                default -> {}
            }
        }
        if (current != null) {
            payments.add(current.payment(trace));
        }
    }

    private static void addRemark(Claim835 claim, String code) {
        if (!code.isEmpty() && !claim.remarks.contains(code)) {
            claim.remarks.add(code);
        }
    }

    /** A CLP being read, with the adjustments and remarks that follow it. */
    private static final class Claim835 {
        final List<String> clp;
        final List<Adjustment> adjustments = new ArrayList<>();
        final List<String> remarks = new ArrayList<>();

        Claim835(List<String> clp) {
            this.clp = clp;
        }

        ClaimPayment payment(String trace) {
            String claimId = value(clp, 1);
            String reference = trace + "/" + claimId + "/" + value(clp, 7) + "/" + value(clp, 2);
            return new ClaimPayment(
                    claimId,
                    value(clp, 2),
                    money(value(clp, 3)),
                    money(value(clp, 4)),
                    money(value(clp, 5)),
                    value(clp, 7),
                    reference,
                    List.copyOf(adjustments),
                    List.copyOf(remarks));
        }
    }

    /** A CAS segment holds a group code and up to six reason / amount / quantity triplets. */
    private static List<Adjustment> adjustments(List<String> cas) {
        List<Adjustment> found = new ArrayList<>();
        String group = value(cas, 1);
        for (int i = 2; i <= 17; i += 3) {
            String reason = value(cas, i);
            String amount = value(cas, i + 1);
            if (!reason.isEmpty() && !amount.isEmpty()) {
                found.add(new Adjustment(group, reason, money(amount)));
            }
        }
        return found;
    }

    /** PLB01 provider, PLB02 fiscal period date, then up to six adjustment identifier (reason:reference) / amount pairs. */
    private static List<ProviderAdjustment> providerAdjustments(
            List<String> segment, char component, String trace, int before) {
        List<ProviderAdjustment> found = new ArrayList<>();
        for (int i = 3; i + 1 < segment.size() && i <= 13; i += 2) {
            String[] identifier = value(segment, i).split(Pattern.quote(String.valueOf(component)), 2);
            String amount = value(segment, i + 1);
            if (identifier[0].isEmpty() || amount.isEmpty()) {
                continue;
            }
            String ref = identifier.length > 1 ? identifier[1] : "";
            int n = before + found.size() + 1;
            found.add(new ProviderAdjustment(
                    trace + "/PLB/" + n + "/" + identifier[0] + "/" + ref,
                    value(segment, 1),
                    value(segment, 2),
                    identifier[0],
                    ref,
                    money(amount)));
        }
        return found;
    }

    private static Money money(String value) {
        return value.isEmpty() ? Money.ZERO : Money.of(new BigDecimal(value));
    }
}
