package clinic.relief.insurance.cms1500;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.insurance.ClaimPacket;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * A claim's CMS-1500 (02/12) as a PDF: {@link #print} for printing onto the red-ink NUCC form (values only, nothing
 * else on the page), {@link #preview} with a drawn copy of the form behind the same values. Every value sits on the
 * form's print grid: Courier 10 pt spaced to 10 characters per inch, 6 lines per inch; column {@code c} starts
 * {@code 24 + 7.2 (c - 1)} points from the left edge of the sheet and line {@code n} has its baseline
 * {@code 20 + 12 n} points from the top, where the red form expects a printer's line n. Print at 100% ("actual
 * size"), never "fit to page". Stateless and thread-safe.
 */
public final class Cms1500 {

    /** Points from the left edge of the sheet to the left edge of column 1. */
    static final float LEFT = 24;
    /** Points from the top of the sheet to the baseline of line 0 (line 1's baseline is 12 points lower). */
    static final float TOP = 20;

    static final float COLUMN = 72f / 10;
    static final float LINE = 72f / 6;
    static final float FONT_SIZE = 10;

    private Cms1500() {}

    /**
     * What the form needs beyond the claim packet: the billing provider's telephone (box 33) and the date the forms
     * are signed on (boxes 12 and 31), the clinic's today.
     */
    public record Details(String billingPhone, LocalDate signedOn) {

        public Details {
            Objects.requireNonNull(billingPhone, "billingPhone");
            Objects.requireNonNull(signedOn, "signedOn");
        }
    }

    /**
     * Columns the billing provider's name has on the form: box 32 (service facility, 26) is narrower than box 33
     * (billing provider, 29), and both print it.
     */
    public static final int PROVIDER_NAME_COLUMNS =
            Math.min(FormBox.FACILITY_NAME.width(), FormBox.BILLING_NAME.width());

    /**
     * The billing provider's name as boxes 32 and 33 print it: the profile's form name, else its legal name, in the
     * form's plain capitals. The start-up check refuses a profile whose name is longer than
     * {@link #PROVIDER_NAME_COLUMNS}, so the form never cuts it.
     */
    public static String providerName(ClinicProfile.Billing billing) {
        return FormText.plain(billing.formNameOrLegalName());
    }

    /** The values alone, for the red form in the printer. */
    public static byte[] print(ClaimPacket packet, Details details) {
        return render(packet, details, false);
    }

    /** The values over a drawn copy of the form, to check a claim on screen. */
    public static byte[] preview(ClaimPacket packet, Details details) {
        return render(packet, details, true);
    }

    static float x(int column) {
        return LEFT + (column - 1) * COLUMN;
    }

    /** The baseline of a print line in PDF coordinates (from the bottom of the sheet). */
    static float y(int line) {
        return PDRectangle.LETTER.getHeight() - (TOP + line * LINE);
    }

    private static byte[] render(ClaimPacket packet, Details details, boolean withForm) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation()
                    .setTitle("CMS-1500 " + packet.claim().claimId() + (withForm ? " preview" : ""));
            PDType1Font courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
            for (List<FormFields.Entry> entries : FormFields.pages(packet, details)) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (withForm) {
                        RedForm.draw(content);
                    }
                    write(content, courier, entries);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font courier, List<FormFields.Entry> entries)
            throws IOException {
        content.setNonStrokingColor(0f, 0f, 0f);
        content.beginText();
        content.setFont(courier, FONT_SIZE);
        // Courier's glyphs are 0.6 em wide: 6 points at 10 pt, so 1.2 points more make a tenth of an inch.
        content.setCharacterSpacing(COLUMN - FONT_SIZE * 0.6f);
        for (FormFields.Entry entry : entries) {
            FormBox box = entry.box();
            content.setTextMatrix(
                    Matrix.getTranslateInstance(x(box.column(entry.text())), y(box.line(entry.service()))));
            content.showText(entry.text());
        }
        content.endText();
    }
}
