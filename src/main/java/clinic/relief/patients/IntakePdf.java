package clinic.relief.patients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The patient's copy of a signed intake form: US Letter pages of wrapped text lines (headings in bold), new pages as
 * needed. Characters the standard fonts cannot encode become '?'. Not thread-safe; one instance per document.
 */
final class IntakePdf {

    private static final float MARGIN = 54;
    private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final List<Line> lines = new ArrayList<>();

    private record Line(String text, boolean strong) {}

    IntakePdf heading(String text) {
        lines.add(new Line("", false));
        wrap(text, true);
        return this;
    }

    IntakePdf text(String text) {
        for (String paragraph : text.split("\\R", -1)) {
            wrap(paragraph, false);
        }
        return this;
    }

    byte[] bytes(String title) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            float top = PDRectangle.LETTER.getHeight() - MARGIN;
            PDPageContentStream page = null;
            float y = 0;
            for (Line line : lines) {
                if (page == null || y < MARGIN) {
                    if (page != null) {
                        page.close();
                    }
                    PDPage next = new PDPage(PDRectangle.LETTER);
                    document.addPage(next);
                    page = new PDPageContentStream(document, next);
                    y = top;
                }
                page.beginText();
                page.setFont(line.strong() ? bold : regular, SIZE);
                page.newLineAtOffset(MARGIN, y);
                page.showText(line.text());
                page.endText();
                y -= LEADING;
            }
            if (page != null) {
                page.close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void wrap(String text, boolean strong) {
        PDType1Font font = strong ? bold : regular;
        StringBuilder line = new StringBuilder();
        for (String word : encodable(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate, font) > WIDTH) {
                lines.add(new Line(line.toString(), strong));
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(new Line(line.toString(), strong));
    }

    private static float width(String text, PDType1Font font) {
        try {
            return font.getStringWidth(text) / 1000 * SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String encodable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                regular.encode(ch);
                bold.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException notInFont) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
