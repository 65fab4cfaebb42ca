package clinic.relief.insurance;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;

import static clinic.relief.insurance.X12Segments.composite;
import static clinic.relief.insurance.X12Segments.text;

/**
 * Writes a batch of claims as one X12 837P (005010X222A1) interchange: ISA/GS/ST, the submitter (1000A) and
 * receiver (1000B), one billing provider (2000A/2010AA) and, per claim, the subscriber and payer (2000B/2010BA/
 * 2010BB), the patient when not the subscriber (2000C/2010CA), the claim (2300) with its referring and rendering providers
 * (2310A/B) and its service lines (2400). Stateless and thread-safe.
 */
final class Claim837Writer {

    static final String TAXONOMY_QUALIFIER = "PXC";
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ClinicProfile.Billing billing;
    private final String contactPhone;

    /** @param contactPhone the clinic's phone in E.164 ("+13105550142"); the 837P wants its ten digits */
    Claim837Writer(ClinicProfile.Billing billing, String contactPhone) {
        this.billing = billing;
        String digits = contactPhone.replaceAll("[^0-9]", "");
        this.contactPhone = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    }

    /** The interchange for the claims in one transaction set, with control number {@code control} (1 to 999999999). */
    String write(List<ClaimPacket> claims, long control, ZonedDateTime at, boolean production) {
        return writeSets(List.of(claims), control, at, production);
    }

    /**
     * The interchange for the claims, one transaction set per list (ST02 {@link #setControl} 0001, 0002 ...) in one
     * functional group, with control number {@code control} (1 to 999999999) as ISA13 and GS06.
     */
    String writeSets(List<List<ClaimPacket>> sets, long control, ZonedDateTime at, boolean production) {
        if (sets.isEmpty() || sets.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("An 837P batch needs at least one claim in each set");
        }
        int size = sets.stream().mapToInt(List::size).sum();
        StringBuilder out = new StringBuilder(size * 900 + 1000);
        X12Segments x12 = new X12Segments(out);
        String number = String.format("%09d", control);
        x12.add(
                "ISA",
                "00",
                " ".repeat(10),
                "00",
                " ".repeat(10),
                "ZZ",
                pad(billing.submitterId()),
                "ZZ",
                pad(billing.receiverId()),
                at.format(DateTimeFormatter.ofPattern("yyMMdd")),
                at.format(DateTimeFormatter.ofPattern("HHmm")),
                "^",
                "00501",
                number,
                "0",
                production ? "P" : "T",
                ":");
        x12.add(
                "GS",
                "HC",
                text(billing.submitterId()),
                text(billing.receiverId()),
                at.format(D8),
                at.format(DateTimeFormatter.ofPattern("HHmm")),
                String.valueOf(control),
                "X",
                "005010X222A1");
        for (int i = 0; i < sets.size(); i++) {
            String set = setControl(i);
            x12.startTransaction();
            x12.add("ST", "837", set, "005010X222A1");
            x12.add(
                    "BHT",
                    "0019",
                    "00",
                    sets.size() == 1 ? number : number + set,
                    at.format(D8),
                    at.format(DateTimeFormatter.ofPattern("HHmm")),
                    "CH");
            header(x12);
            int hl = 1;
            for (ClaimPacket claim : sets.get(i)) {
                hl = claim(x12, claim, hl);
            }
            x12.add("SE", String.valueOf(x12.transactionSegments() + 1), set);
        }
        x12.add("GE", String.valueOf(sets.size()), String.valueOf(control));
        x12.add("IEA", "1", number);
        return out.toString();
    }

    /** The ST02 of the set at {@code index} (from 0) of a group: 0001, 0002 ... */
    static String setControl(int index) {
        return String.format("%04d", index + 1);
    }

    private void header(X12Segments x12) {
        x12.add("NM1", "41", "2", text(billing.legalName()), "", "", "", "", "46", text(billing.submitterId()));
        x12.add("PER", "IC", text(billing.contactName()), "TE", contactPhone);
        x12.add("NM1", "40", "2", text(billing.receiverName()), "", "", "", "", "46", text(billing.receiverId()));
        x12.add("HL", "1", "", "20", "1");
        x12.add("PRV", "BI", TAXONOMY_QUALIFIER, billing.taxonomy());
        x12.add("NM1", "85", "2", text(billing.legalName()), "", "", "", "", "XX", billing.npi());
        address(
                x12,
                billing.address().street(),
                billing.address().city(),
                billing.address().region(),
                billing.address().postalCode());
        x12.add("REF", "EI", billing.taxIdDigits());
    }

    /**
     * Loops 2000B/2010BA/2010BB and, for a dependant, 2000C/2010CA. Per 005010X222A1 the subscriber's address and
     * demographics (N3, N4, DMG in 2010BA) are sent only when the subscriber is the patient (SBR02 = 18); a
     * dependant's own address, date of birth and sex go in 2010CA.
     */
    private int claim(X12Segments x12, ClaimPacket p, int lastHl) {
        int subscriberHl = lastHl + 1;
        Coverage c = p.coverage();
        Subscriber s = c.subscriber();
        boolean self = p.patientIsSubscriber();
        x12.add("HL", String.valueOf(subscriberHl), "1", "22", self ? "0" : "1");
        x12.add("SBR", "P", self ? "18" : "", text(c.groupNumber()), "", "", "", "", "", filingIndicator(c.planType()));
        x12.add("NM1", "IL", "1", text(s.lastName()), text(s.firstName()), "", "", "", "MI", text(c.memberId()));
        if (self) {
            address(x12, s.street(), s.city(), s.state(), s.zip());
            x12.add("DMG", "D8", s.birthDate().format(D8), sexCode(s.sex()));
        }
        x12.add("NM1", "PR", "2", text(c.payerName()), "", "", "", "", "PI", text(c.payerId()));
        if (self) {
            claimLoop(x12, p);
            return subscriberHl;
        }
        int patientHl = subscriberHl + 1;
        Patient patient = p.patient();
        x12.add("HL", String.valueOf(patientHl), String.valueOf(subscriberHl), "23", "0");
        x12.add("PAT", s.relationship().x12());
        x12.add("NM1", "QC", "1", text(patient.lastName()), text(patient.firstName()));
        address(x12, s.street(), s.city(), s.state(), s.zip());
        if (patient.dateOfBirth() == null || patient.sex() == null) {
            throw new ClaimIncomplete(
                    p.claim().number(),
                    patient.dateOfBirth() == null
                            ? List.of(ClaimGap.PATIENT_BIRTH_DATE)
                            : List.of(ClaimGap.PATIENT_SEX));
        }
        x12.add("DMG", "D8", patient.dateOfBirth().format(D8), patient.sex().code());
        claimLoop(x12, p);
        return patientHl;
    }

    /** The card's sex as DMG03 wants it: F, M or U. */
    private static String sexCode(String sex) {
        return sex == null || !sex.matches("[FMU]") ? "U" : sex;
    }

    private void claimLoop(X12Segments x12, ClaimPacket p) {
        Claim claim = p.claim();
        x12.add(
                "CLM",
                claim.claimId(),
                claim.charge().toString(),
                "",
                "",
                composite("11", "B", p.frequency()),
                "Y",
                "A",
                "Y",
                "Y");
        p.authorizationNumber().ifPresent(auth -> x12.add("REF", "G1", text(auth)));
        p.resubmission().ifPresent(r -> x12.add("REF", "F8", text(r.payerClaimNumber())));
        List<Icd10> dx = claim.diagnoses();
        String[] hi = new String[dx.size()];
        for (int i = 0; i < dx.size(); i++) {
            hi[i] = composite(i == 0 ? "ABK" : "ABF", dx.get(i).x12());
        }
        x12.add("HI", hi);
        if (p.prescription() != null) {
            Prescription rx = p.prescription();
            x12.add(
                    "NM1",
                    "DN",
                    "1",
                    text(rx.referringLastName()),
                    text(rx.referringFirstName()),
                    "",
                    "",
                    "",
                    "XX",
                    rx.referringNpi().value());
        }
        p.separateRenderingNpi().ifPresent(npi -> {
            x12.add(
                    "NM1",
                    "82",
                    "1",
                    text(p.rendering().lastName()),
                    text(p.rendering().firstName()),
                    "",
                    "",
                    "",
                    "XX",
                    npi.value());
            x12.add("PRV", "PE", TAXONOMY_QUALIFIER, p.rendering().taxonomy());
        });
        int line = 0;
        for (ClaimLine l : claim.lines()) {
            x12.add("LX", String.valueOf(++line));
            x12.add(
                    "SV1",
                    composite("HC", l.cpt().code()),
                    l.charge().toString(),
                    "UN",
                    String.valueOf(l.units()),
                    "",
                    "",
                    l.pointers().stream().map(String::valueOf).collect(Collectors.joining(":")));
            x12.add("DTP", "472", "D8", claim.facts().serviceDate().format(D8));
        }
    }

    private static void address(X12Segments x12, String street, String city, String state, String zip) {
        x12.add("N3", text(street));
        x12.add("N4", text(city), text(state), zip.replace("-", ""));
    }

    private static String filingIndicator(String planType) {
        return switch (planType) {
            case "PPO" -> "12";
            case "POS" -> "13";
            case "EPO" -> "14";
            case "HMO" -> "HM";
            default -> "CI";
        };
    }

    private static String pad(String id) {
        String value = text(id);
        return value.length() >= 15 ? value.substring(0, 15) : value + " ".repeat(15 - value.length());
    }
}
