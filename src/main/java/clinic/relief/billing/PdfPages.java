package clinic.relief.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small writer of letter-size text pages with PDFBox: rows of text with an optional right-aligned amount, a new
 * page when one is full. Uses the standard Helvetica fonts (WinAnsi: English and Spanish letters; anything else is
 * written as '?'). Not thread-safe; one instance per document.
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 56;
    private static final float RIGHT = PDRectangle.LETTER.getWidth() - MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    PdfPages() {
        newPage();
    }

    PdfPages title(String text) {
        return row(text, null, bold, 18, 26);
    }

    PdfPages text(String text) {
        return row(text, null, regular, 10, 15);
    }

    PdfPages heading(String text) {
        space();
        return row(text, null, bold, 11, 17);
    }

    PdfPages amount(String text, String amount) {
        return row(text, amount, regular, 10, 15);
    }

    PdfPages total(String text, String amount) {
        return row(text, amount, bold, 11, 17);
    }

    PdfPages space() {
        y -= 8;
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfPages row(String text, String amount, PDType1Font font, float size, float height) {
        if (y - height < MARGIN) {
            newPage();
        }
        y -= height;
        try {
            write(font, size, MARGIN, safe(text));
            if (amount != null) {
                String value = safe(amount);
                write(font, size, RIGHT - font.getStringWidth(value) / 1000 * size, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void write(PDType1Font font, float size, float x, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.LETTER);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what WinAnsi can show: Latin-1 letters; other spaces become spaces, anything else '?'. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.append(
                        Character.isSpaceChar(c) ? ' ' : c >= 0x20 && c <= 0xFF && c != 0x7F ? (char) c : '?'));
        return out.toString();
    }
}
