package clinic.relief.insurance;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;

/**
 * A clean rendering of the CMS-1500 (02/12) claim form: its numbered boxes with their labels and this claim's
 * values, for payers that take paper or for the desk's records. Not the red-ink overlay: printed on plain paper it
 * is a readable copy, not a scannable original. The box labels are the form's own (English, fixed by NUCC).
 */
final class Cms1500Pdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final float LEFT = 36;
    private static final float FULL = PdfSheet.WIDTH - 72;
    private static final float HALF = FULL / 2;
    private static final float ROW = 26;

    private Cms1500Pdf() {}

    static byte[] render(ClaimPacket p) {
        try (PdfSheet sheet = new PdfSheet("CMS-1500 " + p.claim().claimId())) {
            sheet.text(LEFT, 40, 14, true, "HEALTH INSURANCE CLAIM FORM");
            sheet.text(
                    LEFT,
                    54,
                    8,
                    false,
                    "Approved by the National Uniform Claim Committee (NUCC) 02/12 - "
                            + "clean rendering, not for optical scanning");
            sheet.text(
                    LEFT + HALF,
                    40,
                    9,
                    true,
                    p.coverage().payerName() + "  (payer id " + p.coverage().payerId() + ")");
            float top = patientAndInsured(sheet, p, 64);
            top = claimInformation(sheet, p, top);
            top = serviceLines(sheet, p, top);
            provider(sheet, p, top);
            return sheet.bytes();
        }
    }

    private static float patientAndInsured(PdfSheet s, ClaimPacket p, float top) {
        Patient patient = p.patient();
        Subscriber sub = p.coverage().subscriber();
        s.box(
                LEFT,
                top,
                HALF,
                ROW,
                "1",
                "Insurance type",
                "Group health plan (" + p.coverage().planType() + ")");
        s.box(
                LEFT + HALF,
                top,
                HALF,
                ROW,
                "1a",
                "Insured's ID number",
                p.coverage().memberId());
        top += ROW;
        s.box(
                LEFT,
                top,
                HALF,
                ROW,
                "2",
                "Patient's name (last, first)",
                patient.lastName() + ", " + patient.firstName());
        s.box(
                LEFT + HALF,
                top,
                HALF,
                ROW,
                "3",
                "Patient's birth date, sex",
                patient.dateOfBirth() == null
                        ? ""
                        : DATE.format(patient.dateOfBirth()) + (p.patientIsSubscriber() ? "  " + sub.sex() : ""));
        top += ROW;
        s.box(LEFT, top, HALF, ROW, "4", "Insured's name (last, first)", sub.lastName() + ", " + sub.firstName());
        s.box(
                LEFT + HALF,
                top,
                HALF,
                ROW,
                "6",
                "Patient relationship to insured",
                sub.relationship().name().toLowerCase(Locale.ROOT));
        top += ROW;
        String address = sub.street() + ", " + sub.city() + ", " + sub.state() + " " + sub.zip();
        s.box(LEFT, top, HALF, ROW, "5", "Patient's address", address);
        s.box(LEFT + HALF, top, HALF, ROW, "7", "Insured's address", address);
        top += ROW;
        s.box(LEFT, top, HALF, ROW, "10", "Is condition related to employment, auto, other accident", "No");
        s.box(
                LEFT + HALF,
                top,
                HALF,
                ROW,
                "11",
                "Insured's policy group",
                p.coverage().groupNumber());
        top += ROW;
        s.box(
                LEFT,
                top,
                HALF,
                ROW,
                "11c",
                "Insurance plan or program name",
                p.coverage().payerName());
        s.box(LEFT + HALF, top, HALF, ROW, "11d", "Is there another health benefit plan?", "No");
        top += ROW;
        s.box(LEFT, top, HALF, ROW, "12", "Patient's or authorized person's signature", "Signature on file");
        s.box(LEFT + HALF, top, HALF, ROW, "13", "Insured's or authorized person's signature", "Signature on file");
        return top + ROW;
    }

    private static float claimInformation(PdfSheet s, ClaimPacket p, float top) {
        Prescription rx = p.prescription();
        s.box(LEFT, top, HALF, ROW, "17", "Name of referring provider", rx == null ? "" : "DN  " + rx.referringName());
        s.box(
                LEFT + HALF,
                top,
                HALF,
                ROW,
                "17b",
                "NPI",
                rx == null ? "" : rx.referringNpi().value());
        top += ROW;
        List<Icd10> dx = p.claim().diagnoses();
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < dx.size(); i++) {
            codes.append((char) ('A' + i)).append(". ").append(dx.get(i).code()).append("   ");
        }
        s.box(
                LEFT,
                top,
                FULL,
                ROW,
                "21",
                "Diagnosis or nature of illness or injury (ICD Ind. 0)",
                codes.toString().strip());
        top += ROW;
        s.box(LEFT, top, HALF, ROW, "22", "Resubmission code", "");
        s.box(
                LEFT + HALF,
                top,
                HALF,
                ROW,
                "23",
                "Prior authorization number",
                p.authorizationNumber().orElse(""));
        return top + ROW + 6;
    }

    private static float serviceLines(PdfSheet s, ClaimPacket p, float top) {
        float[] widths = {80, 40, 90, 50, 70, 40, 50, FULL - 420};
        String[][] headers = {
            {"24A", "Date(s) of service"},
            {"B", "Place"},
            {"D", "CPT/HCPCS, modifier"},
            {"E", "Dx pointer"},
            {"F", "$ Charges"},
            {"G", "Units"},
            {"I", "ID qual."},
            {"J", "Rendering NPI"}
        };
        String rendering = p.separateRenderingNpi().map(Npi::value).orElse("");
        String date = DATE.format(p.claim().facts().serviceDate());
        for (ClaimLine line : p.claim().lines()) {
            String[] values = {
                date,
                "11",
                line.cpt().code(),
                line.pointerLetters(),
                line.charge().toString(),
                String.valueOf(line.units()),
                rendering.isEmpty() ? "" : "ZZ " + p.billing().taxonomy(),
                rendering
            };
            float x = LEFT;
            for (int i = 0; i < widths.length; i++) {
                s.box(x, top, widths[i], ROW, headers[i][0], headers[i][1], values[i]);
                x += widths[i];
            }
            top += ROW;
        }
        return top + 6;
    }

    private static void provider(PdfSheet s, ClaimPacket p, float top) {
        ClinicProfile.Billing b = p.billing();
        float third = FULL / 3;
        s.box(LEFT, top, third, ROW, "25", "Federal tax I.D. number (EIN)", b.taxId());
        s.box(
                LEFT + third,
                top,
                third,
                ROW,
                "26",
                "Patient's account no.",
                p.claim().claimId());
        s.box(LEFT + 2 * third, top, third, ROW, "27", "Accept assignment?", "Yes");
        top += ROW;
        s.box(LEFT, top, third, ROW, "28", "Total charge", "$" + p.claim().charge());
        s.box(
                LEFT + third,
                top,
                third,
                ROW,
                "29",
                "Amount paid",
                "$" + p.claim().paid());
        s.box(
                LEFT + 2 * third,
                top,
                third,
                ROW,
                "31",
                "Signature of physician or supplier",
                p.rendering().fullName());
        top += ROW;
        ClinicProfile.Address a = b.address();
        String address = a.street() + ", " + a.city() + ", " + a.region() + " " + a.postalCode();
        s.box(LEFT, top, HALF, ROW * 1.4f, "32", "Service facility location information", address);
        s.box(LEFT + HALF, top, HALF, ROW * 1.4f, "33", "Billing provider info", b.legalName() + ", " + address);
        top += ROW * 1.4f;
        s.box(LEFT, top, HALF, ROW, "32a", "NPI", b.npi());
        s.box(LEFT + HALF, top, HALF / 2, ROW, "33a", "NPI", b.npi());
        s.box(LEFT + HALF + HALF / 2, top, HALF / 2, ROW, "33b", "Other ID (taxonomy)", "ZZ " + b.taxonomy());
    }
}
