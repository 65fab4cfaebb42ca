package clinic.relief.insurance;

import java.util.ArrayList;
import java.util.List;

import static clinic.relief.insurance.X12Interchange.id;
import static clinic.relief.insurance.X12Interchange.value;

/**
 * A 999 (implementation acknowledgment) or 277CA (claim acknowledgment) read into answers. A 999 answers per 837
 * transaction set (AK1 group and AK2 set control numbers; IK5: A accepted, E accepted with errors, M, R, W and X
 * rejected), names the segment in error (IK3 id and position, IK4 element, CTX with CLM01 for the claim) and may
 * reject a whole group (AK9 M, R, W or X with no AK2); an answer other than A is kept first among the set's errors
 * ("set answer R") so that {@link ImplementationAckCodes} can show what each code means; the claims of a set are those the export recorded under its numbers. A 277CA answers per claim (2200D: TRN02 our claim id,
 * STC01 category:status codes, REF*1K the payer's claim number), A1/A2 accepted, A3/A4/A6/A7/A8 rejected.
 */
record Acknowledgment(String type, List<SetAnswer> sets, List<ClaimAnswer> claims) {

    /**
     * One 837 set's answer in a 999: the group (AK1 GS06) and set (AK2 ST02) control numbers, IK5 accepted or not, the
     * errors ("segment CLM at position 22 ...", "element 2 ...") and the claims its CTX segments name (CLM01). A
     * 999 rejecting the whole group with no AK2 answers with an empty set control number.
     */
    record SetAnswer(String group, String controlNumber, boolean accepted, List<String> errors, List<String> claimIds) {

        SetAnswer {
            errors = List.copyOf(errors);
            claimIds = List.copyOf(claimIds);
        }

        boolean wholeGroup() {
            return controlNumber.isEmpty();
        }
    }

    /** One claim's answer: our claim id (CLM01), accepted or not, and the codes or segment in error. */
    record ClaimAnswer(String claimId, boolean accepted, String codes, String payerClaimNumber) {}

    static Acknowledgment read(String content) {
        X12Interchange interchange = X12Interchange.readAny(content, List.of("999", "277"));
        String type = interchange.transactions().get(0).type();
        List<SetAnswer> sets = new ArrayList<>();
        List<ClaimAnswer> claims = new ArrayList<>();
        for (X12Interchange.Transaction set : interchange.transactions()) {
            if (type.equals("999")) {
                read999(set, interchange.component(), sets);
            } else {
                read277(set, interchange.component(), claims);
            }
        }
        return new Acknowledgment(type.equals("999") ? "999" : "277CA", sets, claims);
    }

    private static void read999(X12Interchange.Transaction set, char component, List<SetAnswer> sets) {
        String group = "";
        String control = "";
        List<String> errors = new ArrayList<>();
        List<String> claimIds = new ArrayList<>();
        int answered = sets.size();
        for (List<String> segment : set.segments()) {
            switch (id(segment)) {
                case "AK1" -> group = value(segment, 2);
                case "AK2" -> {
                    control = value(segment, 2);
                    errors = new ArrayList<>();
                    claimIds = new ArrayList<>();
                }
                case "IK3" ->
                    errors.add("segment " + value(segment, 1) + " at position " + value(segment, 2)
                            + (value(segment, 4).isEmpty() ? "" : " (error " + value(segment, 4) + ")"));
                case "IK4" ->
                    errors.add("element " + value(segment, 1).replace(component, '-')
                            + (value(segment, 3).isEmpty() ? "" : " (error " + value(segment, 3) + ")"));
                case "CTX" -> {
                    String context = value(segment, 1);
                    String prefix = "CLM01" + component;
                    if (context.startsWith(prefix)) {
                        claimIds.add(context.substring(prefix.length()));
                    }
                }
                case "IK5" -> {
                    String answer = value(segment, 1);
                    if (!answer.equals("A")) {
                        errors.add(0, "set answer " + answer);
                    }
                    sets.add(new SetAnswer(group, control, accepts(answer), errors, claimIds));
                }
                case "AK9" -> {
                    String answer = value(segment, 1);
                    if (sets.size() == answered && !accepts(answer)) {
                        List<String> codes = new ArrayList<>();
                        for (int i = 5; i <= 9; i++) {
                            if (!value(segment, i).isEmpty()) {
                                codes.add(value(segment, i));
                            }
                        }
                        sets.add(new SetAnswer(
                                group,
                                "",
                                false,
                                List.of("functional group rejected, answer " + answer
                                        + (codes.isEmpty() ? "" : " (error " + String.join(", ", codes) + ")")),
                                List.of()));
                    }
                }
                default -> {}
            }
        }
    }

    /**
     * Whether an IK5-01 or AK9-01 answer accepts: A (accepted), E (accepted, errors noted) and P (partially accepted,
     * AK9 only); M, R, W and X reject.
     */
    private static boolean accepts(String answer) {
        return answer.equals("A") || answer.equals("E") || answer.equals("P");
    }

    private static void read277(X12Interchange.Transaction set, char component, List<ClaimAnswer> claims) {
        boolean patientLevel = false;
        String claimId = "";
        String codes = "";
        String payerClaim = "";
        for (List<String> segment : set.segments()) {
            switch (id(segment)) {
                case "HL" -> {
                    flush(claims, claimId, codes, payerClaim);
                    patientLevel = value(segment, 3).equals("PT");
                    claimId = "";
                    codes = "";
                    payerClaim = "";
                }
                case "TRN" -> {
                    if (patientLevel && value(segment, 1).equals("2")) {
                        claimId = value(segment, 2);
                    }
                }
                case "STC" -> {
                    if (patientLevel && codes.isEmpty()) {
                        codes = value(segment, 1).replace(component, ':');
                    }
                }
                case "REF" -> {
                    if (patientLevel && value(segment, 1).equals("1K")) {
                        payerClaim = value(segment, 2);
                    }
                }
                default -> {}
            }
        }
        flush(claims, claimId, codes, payerClaim);
    }

    private static void flush(List<ClaimAnswer> claims, String claimId, String codes, String payerClaim) {
        if (!claimId.isEmpty() && !codes.isEmpty()) {
            String category = codes.split(":", 2)[0];
            claims.add(new ClaimAnswer(claimId, category.equals("A1") || category.equals("A2"), codes, payerClaim));
        }
    }
}
