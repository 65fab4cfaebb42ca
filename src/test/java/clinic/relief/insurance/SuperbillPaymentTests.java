package clinic.relief.insurance;

import java.io.IOException;

import clinic.relief.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The superbill says the services were paid only when the client has paid for them. */
class SuperbillPaymentTests {

    @Test
    void saysPaidOnlyWhenTheClientPaidTheWholeCharge() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);

        assertThat(text(SuperbillPdf.render(p, Money.ZERO)))
                .contains("No payment from the client has been received")
                .doesNotContain("were paid");
        assertThat(text(SuperbillPdf.render(p, Money.of("40.00"))))
                .contains("The client has paid $40.00 of the $110.00 charged.")
                .doesNotContain("were paid");
        assertThat(text(SuperbillPdf.render(p, Money.of("110.00"))))
                .contains("Services were paid in full by the client.");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
