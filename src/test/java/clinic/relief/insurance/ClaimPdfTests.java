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
