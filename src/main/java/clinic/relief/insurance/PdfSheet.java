package clinic.relief.insurance;

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
 * One US Letter page drawn with PDFBox: labelled boxes (a small number and label over the value) and plain lines
 * of text, measured from the top-left corner in points. Text the standard fonts cannot encode is replaced by '?'.
 * Not thread-safe; one sheet per document.
 */
final class PdfSheet implements AutoCloseable {

    static final float WIDTH = PDRectangle.LETTER.getWidth();
    static final float HEIGHT = PDRectangle.LETTER.getHeight();

    private final PDDocument document = new PDDocument();
    private final PDPageContentStream page;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    PdfSheet(String title) {
        try {
            PDPage first = new PDPage(PDRectangle.LETTER);
            document.addPage(first);
            document.getDocumentInformation().setTitle(title);
            page = new PDPageContentStream(document, first);
            page.setLineWidth(0.6f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A box with its number and label in small type and the value below; the value is cut to fit the width. */
    PdfSheet box(float x, float top, float width, float height, String number, String label, String value) {
        try {
            page.addRect(x, HEIGHT - top - height, width, height);
            page.stroke();
            String caption = number.isEmpty() ? label : number + ". " + label;
            write(x + 3, top + 8, 6.5f, regular, fit(caption, width - 6, 6.5f, regular));
            write(x + 3, top + 19, 9, bold, fit(value == null ? "" : value, width - 6, 9, bold));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PdfSheet text(float x, float top, float size, boolean strong, String text) {
        try {
            write(x, top, size, strong ? bold : regular, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PdfSheet line(float x1, float top, float x2) {
        try {
            page.moveTo(x1, HEIGHT - top);
            page.lineTo(x2, HEIGHT - top);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] bytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
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

    private void write(float x, float top, float size, PDType1Font font, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, HEIGHT - top);
        page.showText(encodable(text, font));
        page.endText();
    }

    private static String fit(String text, float width, float size, PDType1Font font) {
        String fitted = text;
        try {
            while (!fitted.isEmpty() && font.getStringWidth(encodable(fitted, font)) / 1000 * size > width) {
                fitted = fitted.substring(0, fitted.length() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fitted;
    }

    private static String encodable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
