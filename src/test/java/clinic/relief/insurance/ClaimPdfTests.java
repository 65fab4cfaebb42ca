package clinic.relief.insurance;

import java.io.IOException;

import clinic.relief.patients.Patient;
import clinic.relief.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDFs' contents, checked by extracting their text with PDFBox. */
class ClaimPdfTests {

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void cms1500ShowsTheNumberedBoxesWithThisClaimsValues() throws IOException {
        String text = text(Cms1500Pdf.render(ClaimPackets.packet(3)));

        assertThat(text)
                .contains(
                        "HEALTH INSURANCE CLAIM FORM",
                        "1a. Insured's ID number",
                        "XYZ100003",
                        "21. Diagnosis or nature of illness or injury (ICD Ind. 0)",
                        "A. M54.50",
                        "B. M62.838",
                        "17. Name of referring provider",
                        "DN  Alan Grant",
                        "17b. NPI",
                        "1234567893",
                        "23. Prior authorization number",
                        "AUTH3",
                        "97140",
                        "97010",
                        "AB",
                        "90.00",
                        "20.00",
                        "24A. Date(s) of service",
                        "11/20/2026",
                        "J. Rendering NPI",
                        "1679576722",
                        "ZZ 225700000X",
                        "25. Federal tax I.D. number (EIN)",
                        "95-1234567",
                        "26. Patient's account no.",
                        "R1003",
                        "28. Total charge",
                        "$110.00",
                        "33a. NPI",
                        "1245319599",
                        "33b. Other ID (taxonomy)");
    }

    @Test
    void superbillNamesCodesNpiLicenseAndDiagnoses() throws IOException {
        String text = text(SuperbillPdf.render(ClaimPackets.packet(2), Money.of("110.00")));

        assertThat(text)
                .contains(
                        "SUPERBILL",
                        "Massage Revolution LLC",
                        "NPI 1245319599",
                        "Tax ID (EIN) 95-1234567",
                        "Taxonomy 225700000X",
                        "Therapist: Maria Lopez",
                        "License no. CAMTC 12345",
                        "NPI 1679576722",
                        "Rosa2 Garcia",
                        "M54.50",
                        "M62.838",
                        "Referred by Alan Grant, NPI 1234567893",
                        "97140",
                        "$110.00");
    }

    @Test
    void replacesCharactersTheStandardFontsCannotDraw() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);
        var patient = new Patient(p.patient().id(), "José 李", "Núñez", null, null, null, null, "es");
        ClaimPacket packet =
                new ClaimPacket(p.claim(), patient, p.coverage(), p.prescription(), p.rendering(), p.billing());

        assertThat(text(SuperbillPdf.render(packet, Money.ZERO))).contains("José ? Núñez");
    }
}
