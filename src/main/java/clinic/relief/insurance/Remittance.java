package clinic.relief.insurance;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import clinic.relief.shared.Money;
import com.imsweb.x12.Loop;
import com.imsweb.x12.Segment;
import com.imsweb.x12.reader.X12Reader;

/**
 * An 835 remittance advice read with x12-parser's 5010 X221A1 layout: per claim payment (loop 2100), our claim id
 * (CLP01), the payer's status, charge, payment and patient responsibility, the payer's claim number, and every CAS
 * adjustment of the claim and of its service lines (2110). A file the layout does not read is refused whole.
 */
record Remittance(List<ClaimPayment> payments) {

    /** One CLP with its adjustments; {@code reference} identifies it across imports (trace / claim / payer claim). */
    record ClaimPayment(
            String claimId,
            String status,
            Money charge,
            Money paid,
            Money patientResponsibility,
            String reference,
            List<Adjustment> adjustments) {

        /** The patient's share: the PR adjustments, or CLP05 when the payer sent none. */
        Money patientShare() {
            Money pr = adjustments.stream()
                    .filter(a -> a.group().equals("PR"))
                    .map(Adjustment::amount)
                    .reduce(Money.ZERO, Money::plus);
            return pr.isZero() ? patientResponsibility.max(Money.ZERO) : pr;
        }

        /** Contractual write-offs the clinic agreed to (CO-45 and the like are the payer's fee schedule). */
        Money contractual() {
            return adjustments.stream()
                    .filter(a -> a.group().equals("CO") && a.reason().equals("45"))
                    .map(Adjustment::amount)
                    .reduce(Money.ZERO, Money::plus);
        }
    }

    record Adjustment(String group, String reason, Money amount) {}

    /**
     * x12-parser 1.13 reports this when the payee loop (1000B) has no REF, which the X221A1 guide makes situational
     * and many payers leave out; it is not an error in the file.
     */
    static final String SPURIOUS_PAYEE_REF = "REF in loop 1000B appears too many times";

    static Remittance read(String content) {
        X12Reader reader;
        try {
            reader = new X12Reader(X12Reader.FileType.ANSI835_5010_X221, new StringReader(content));
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadableRemittance("unreadable");
        }
        List<String> errors = reader.getErrors().stream()
                .filter(e -> !e.equals(SPURIOUS_PAYEE_REF))
                .toList();
        if (!reader.getFatalErrors().isEmpty()
                || !errors.isEmpty()
                || reader.getLoops().isEmpty()) {
            throw new UnreadableRemittance("layout");
        }
        List<ClaimPayment> payments = new ArrayList<>();
        try {
            for (Loop isa : reader.getLoops()) {
                for (Loop st : isa.findLoop("ST_LOOP")) {
                    String trace = st.findLoop("HEADER").stream()
                            .map(h -> h.getSegment("TRN"))
                            .filter(Objects::nonNull)
                            .findFirst()
                            .map(t -> t.getElementValue("TRN02"))
                            .orElseThrow(() -> new UnreadableRemittance("noTrace"));
                    st.findLoop("2100").forEach(clp -> payments.add(payment(clp, trace)));
                }
            }
        } catch (NumberFormatException | NullPointerException malformed) {
            throw new UnreadableRemittance("amounts");
        }
        if (payments.isEmpty()) {
            throw new UnreadableRemittance("noClaims");
        }
        return new Remittance(payments);
    }

    private static ClaimPayment payment(Loop loop, String trace) {
        Segment clp = loop.getSegment("CLP");
        List<Adjustment> adjustments = new ArrayList<>();
        loop.findSegment("CAS").forEach(cas -> adjustments.addAll(adjustments(cas)));
        loop.findLoop("2110")
                .forEach(line -> line.findSegment("CAS").forEach(cas -> adjustments.addAll(adjustments(cas))));
        String claimId = clp.getElementValue("CLP01");
        String reference = trace + "/" + claimId + "/" + value(clp, "CLP07") + "/" + clp.getElementValue("CLP02");
        return new ClaimPayment(
                claimId,
                clp.getElementValue("CLP02"),
                money(clp, "CLP03"),
                money(clp, "CLP04"),
                money(clp, "CLP05"),
                reference,
                adjustments);
    }

    /** A CAS segment holds a group code and up to six reason / amount / quantity triplets. */
    private static List<Adjustment> adjustments(Segment cas) {
        List<Adjustment> found = new ArrayList<>();
        String group = cas.getElementValue("CAS01");
        for (int i = 2; i <= 17; i += 3) {
            String reason = value(cas, String.format("CAS%02d", i));
            String amount = value(cas, String.format("CAS%02d", i + 1));
            if (!reason.isEmpty() && !amount.isEmpty()) {
                found.add(new Adjustment(group, reason, Money.of(new BigDecimal(amount))));
            }
        }
        return found;
    }

    private static Money money(Segment segment, String element) {
        String value = value(segment, element);
        return value.isEmpty() ? Money.ZERO : Money.of(new BigDecimal(value));
    }

    private static String value(Segment segment, String element) {
        String value = segment.getElementValue(element);
        return value == null ? "" : value.strip();
    }
}
