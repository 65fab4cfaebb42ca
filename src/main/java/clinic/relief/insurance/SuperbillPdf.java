package clinic.relief.insurance;

import java.time.format.DateTimeFormatter;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;

/**
 * A superbill: the itemized statement a client sends their insurer to claim out-of-network benefits themselves.
 * It names the provider (legal name, NPI, tax id, taxonomy, the therapist and their license number), the client,
 * the diagnoses from the prescription, and each service with its CPT code, units and charge. In English, as the
 * insurer reads it.
 */
final class SuperbillPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final float LEFT = 48;

    private SuperbillPdf() {}

    /** Says "paid" only when the client has paid the whole charge. */
    static String paymentLine(Money charge, Money clientPaid) {
        if (clientPaid.compareTo(charge) >= 0) {
            return "Services were paid in full by the client.";
        }
        if (clientPaid.compareTo(Money.ZERO) > 0) {
            return "The client has paid $" + clientPaid + " of the $" + charge + " charged.";
        }
        return "No payment from the client has been received for these services.";
    }

    /** The superbill; {@code clientPaid} is what the client has paid for the visit so far (its invoice's payments). */
    static byte[] render(ClaimPacket p, Money clientPaid) {
        ClinicProfile.Billing b = p.billing();
        ClinicProfile.Address a = b.address();
        try (PdfSheet s = new PdfSheet("Superbill " + p.claim().claimId())) {
            s.text(LEFT, 56, 16, true, "SUPERBILL");
            s.text(
                    LEFT,
                    74,
                    9,
                    false,
                    "Statement for insurance reimbursement. "
                            + paymentLine(p.claim().charge(), clientPaid));
            float top = 100;
            top = lines(
                    s,
                    top,
                    "Provider",
                    b.legalName(),
                    a.street() + ", " + a.city() + ", " + a.region() + " " + a.postalCode(),
                    "NPI " + b.npi() + "    Tax ID (EIN) " + b.taxId() + "    Taxonomy " + b.taxonomy(),
                    "Therapist: " + p.rendering().fullName() + "    License no. "
                            + nullToEmpty(p.rendering().licenseNumber())
                            + p.separateRenderingNpi()
                                    .map(npi -> "    NPI " + npi.value())
                                    .orElse(""));
            top = lines(
                    s,
                    top,
                    "Client",
                    p.patient().fullName()
                            + (p.patient().dateOfBirth() == null
                                    ? ""
                                    : "    Date of birth "
                                            + DATE.format(p.patient().dateOfBirth())),
                    "Insurance: " + p.coverage().payerName() + "    Member ID "
                            + p.coverage().memberId());
            Prescription rx = p.prescription();
            top = lines(
                    s,
                    top,
                    "Diagnoses (ICD-10-CM)",
                    String.join(
                            "    ",
                            p.claim().diagnoses().stream().map(Icd10::code).toList()),
                    rx == null
                            ? ""
                            : "Referred by " + rx.referringName() + ", NPI "
                                    + rx.referringNpi().value());
            s.text(LEFT, top, 11, true, "Services");
            top += 16;
            s.text(LEFT, top, 9, true, "Date")
                    .text(LEFT + 90, top, 9, true, "CPT")
                    .text(LEFT + 150, top, 9, true, "Place")
                    .text(LEFT + 200, top, 9, true, "Minutes")
                    .text(LEFT + 260, top, 9, true, "Units")
                    .text(LEFT + 310, top, 9, true, "Dx pointer")
                    .text(LEFT + 390, top, 9, true, "Charge");
            s.line(LEFT, top + 4, PdfSheet.WIDTH - LEFT);
            for (ClaimLine line : p.claim().lines()) {
                top += 16;
                s.text(LEFT, top, 9, false, DATE.format(p.claim().facts().serviceDate()))
                        .text(LEFT + 90, top, 9, false, line.cpt().code())
                        .text(LEFT + 150, top, 9, false, "11")
                        .text(LEFT + 200, top, 9, false, String.valueOf(line.minutes()))
                        .text(LEFT + 260, top, 9, false, String.valueOf(line.units()))
                        .text(LEFT + 310, top, 9, false, line.pointerLetters())
                        .text(LEFT + 390, top, 9, false, "$" + line.charge());
            }
            top += 20;
            s.line(LEFT, top - 12, PdfSheet.WIDTH - LEFT);
            s.text(LEFT + 310, top, 10, true, "Total")
                    .text(LEFT + 390, top, 10, true, "$" + p.claim().charge());
            return s.bytes();
        }
    }

    private static float lines(PdfSheet s, float top, String heading, String... texts) {
        s.text(LEFT, top, 11, true, heading);
        for (String text : texts) {
            top += 14;
            s.text(LEFT, top, 10, false, text);
        }
        return top + 24;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
