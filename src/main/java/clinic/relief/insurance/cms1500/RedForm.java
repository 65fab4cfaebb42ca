package clinic.relief.insurance.cms1500;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A drawn approximation of the red-ink CMS-1500 (02/12) for the preview: the box outlines, the shaded halves of the
 * service lines, the check boxes and short box captions, measured in points from the top-left corner of the sheet
 * where the printed form has them. Not the form itself (not for optical scanning); its only purpose is to show where
 * each printed value lands.
 */
final class RedForm {

    private static final float HEIGHT = PDRectangle.LETTER.getHeight();
    private static final float L = 19.5f;
    private static final float R = 590.5f;
    private static final float MID = 371;
    private static final float SPLIT = 226.5f;

    /** Horizontal rules: top, from x, to x. */
    private static final float[][] ROWS = {
        {121, L, R}, {143.5f, L, R}, {168, L, R}, {191.5f, L, SPLIT}, {191.5f, MID, R}, {216.5f, L, R},
        {240, L, SPLIT}, {240, MID, R}, {264, L, SPLIT}, {264, MID, R}, {288, L, SPLIT}, {288, MID, R},
        {312.5f, L, R}, {336.5f, L, R}, {408, L, R}, {420, 229, MID}, {431.5f, L, R}, {456.5f, L, R},
        {480.5f, MID, R}, {504.5f, L, R}, {516, L, 147}, {527.5f, L, R}, {551.5f, L, R}, {575.5f, L, R},
        {599.5f, L, R}, {623.5f, L, R}, {647.5f, L, R}, {671.5f, L, R}, {696, L, R}, {743, 176.5f, R},
        {380.5f, 56.5f, 236.5f}, {380.5f, 272.5f, MID}, {380.5f, 412.5f, R}
    };

    /** Thick rules: the top and bottom of the form and the line between the patient's and the provider's parts. */
    private static final float[] THICK_ROWS = {96, 384.5f, 757};

    /** Vertical rules: x, from top, to top. */
    private static final float[][] COLUMNS = {
        {L, 96, 757},
        {R, 96, 757},
        {MID, 96, 757},
        {SPLIT, 121, 336.5f},
        {200, 168, 191.5f},
        {542.5f, 168, 191.5f},
        {113.5f, 191.5f, 216.5f},
        {464.5f, 191.5f, 216.5f},
        {212.5f, 384.5f, 431.5f},
        {229, 408, 431.5f},
        {244.5f, 408, 431.5f},
        {147, 504.5f, 527.5f},
        {170.5f, 504.5f, 527.5f},
        {191.5f, 504.5f, 527.5f},
        {335, 504.5f, 527.5f},
        {435.5f, 504.5f, 527.5f},
        {464.5f, 504.5f, 671.5f},
        {479.5f, 504.5f, 671.5f},
        {500.5f, 504.5f, 671.5f},
        {176.5f, 671.5f, 757},
        {282, 671.5f, 696},
        {452, 671.5f, 696},
        {521.5f, 671.5f, 696},
        {260.5f, 743, 757},
        {454.5f, 743, 757}
    };

    /** Box 24's columns, drawn in the unshaded half of each service line only; 416 parts dollars from cents. */
    private static final float[] SERVICE_COLUMNS = {82.5f, 147, 170.5f, 191.5f, 244, 335, 416, 435.5f};

    /** Short rules: the underlines of box 21's codes A-L and the dollars-cents parts of boxes 28 and 29. */
    private static final float[][] MARKS = {
        {479, 33.5f, 85}, {479, 127, 178}, {479, 221, 272.5f}, {479, 315.5f, 367}, {491, 33.5f, 85},
        {491, 127, 178}, {491, 221, 272.5f}, {491, 315.5f, 367}, {503.5f, 33.5f, 85}, {503.5f, 127, 178},
        {503.5f, 221, 272.5f}, {503.5f, 315.5f, 367}
    };

    private static final float[][] DIVIDERS = {{431, 684, 694}, {503, 684, 694}, {315, 458, 470}, {330, 458, 470}};

    /** Check boxes: x, top (10 points square). */
    private static final float[][] CHECK_BOXES = {
        {21, 108},
        {69.5f, 108},
        {120, 108},
        {185, 108},
        {235.5f, 108},
        {293, 108},
        {336, 108},
        {314.5f, 132},
        {350.5f, 132},
        {250, 156.5f},
        {286, 156.5f},
        {314.5f, 156.5f},
        {350.5f, 156.5f},
        {264.5f, 252.5f},
        {308, 252.5f},
        {264.5f, 276.5f},
        {308, 276.5f},
        {264.5f, 300},
        {308, 300},
        {502, 252.5f},
        {553, 252.5f},
        {386.5f, 324.5f},
        {422.5f, 324.5f},
        {387, 444.5f},
        {423.5f, 444.5f},
        {136, 684},
        {150, 684},
        {287, 684},
        {323, 684}
    };

    /** Captions: x, baseline (from the top), text. */
    private static final Caption[] CAPTIONS = {
        new Caption(21f, 127f, "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)"),
        new Caption(228f, 127f, "3. PATIENT'S BIRTH DATE    SEX"),
        new Caption(373f, 127f, "4. INSURED'S NAME (Last, First, MI)"),
        new Caption(21f, 102f, "1. MEDICARE    MEDICAID    TRICARE    CHAMPVA    GROUP HEALTH PLAN   FECA    OTHER"),
        new Caption(373f, 102f, "1a. INSURED'S I.D. NUMBER"),
        new Caption(21f, 149.5f, "5. PATIENT'S ADDRESS (No., Street)"),
        new Caption(228f, 149.5f, "6. PATIENT RELATIONSHIP TO INSURED"),
        new Caption(373f, 149.5f, "7. INSURED'S ADDRESS (No., Street)"),
        new Caption(252f, 166f, "Self"),
        new Caption(288f, 166f, "Spouse"),
        new Caption(317f, 166f, "Child"),
        new Caption(353f, 166f, "Other"),
        new Caption(21f, 174f, "CITY"),
        new Caption(202f, 174f, "STATE"),
        new Caption(228f, 174f, "8. RESERVED FOR NUCC USE"),
        new Caption(373f, 174f, "CITY"),
        new Caption(544f, 174f, "STATE"),
        new Caption(21f, 197.5f, "ZIP CODE"),
        new Caption(115f, 197.5f, "TELEPHONE (Include Area Code)"),
        new Caption(373f, 197.5f, "ZIP CODE"),
        new Caption(466f, 197.5f, "TELEPHONE (Include Area Code)"),
        new Caption(21f, 222.5f, "9. OTHER INSURED'S NAME"),
        new Caption(228f, 222.5f, "10. IS PATIENT'S CONDITION RELATED TO:"),
        new Caption(373f, 222.5f, "11. INSURED'S POLICY GROUP OR FECA NUMBER"),
        new Caption(21f, 246f, "a. OTHER INSURED'S POLICY OR GROUP NUMBER"),
        new Caption(228f, 246f, "a. EMPLOYMENT? (Current or Previous)"),
        new Caption(373f, 246f, "a. INSURED'S DATE OF BIRTH        SEX"),
        new Caption(21f, 270f, "b. RESERVED FOR NUCC USE"),
        new Caption(228f, 270f, "b. AUTO ACCIDENT?    PLACE (State)"),
        new Caption(373f, 270f, "b. OTHER CLAIM ID (Designated by NUCC)"),
        new Caption(21f, 294f, "c. RESERVED FOR NUCC USE"),
        new Caption(228f, 294f, "c. OTHER ACCIDENT?"),
        new Caption(373f, 294f, "c. INSURANCE PLAN NAME OR PROGRAM NAME"),
        new Caption(21f, 318.5f, "d. INSURANCE PLAN NAME OR PROGRAM NAME"),
        new Caption(228f, 318.5f, "10d. CLAIM CODES (Designated by NUCC)"),
        new Caption(373f, 318.5f, "d. IS THERE ANOTHER HEALTH BENEFIT PLAN?"),
        new Caption(21f, 343f, "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE"),
        new Caption(373f, 343f, "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE"),
        new Caption(24f, 380f, "SIGNED"),
        new Caption(250f, 380f, "DATE"),
        new Caption(390f, 380f, "SIGNED"),
        new Caption(21f, 390.5f, "14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)"),
        new Caption(214f, 390.5f, "15. OTHER DATE"),
        new Caption(373f, 390.5f, "16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION"),
        new Caption(21f, 414f, "17. NAME OF REFERRING PROVIDER OR OTHER SOURCE"),
        new Caption(231f, 416f, "17a."),
        new Caption(231f, 429f, "17b."),
        new Caption(246f, 429f, "NPI"),
        new Caption(373f, 414f, "18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES"),
        new Caption(21f, 437.5f, "19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)"),
        new Caption(373f, 437.5f, "20. OUTSIDE LAB?   $ CHARGES"),
        new Caption(
                21f,
                462.5f,
                "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service line below (24E)    ICD Ind."),
        new Caption(373f, 462.5f, "22. RESUBMISSION CODE        ORIGINAL REF. NO."),
        new Caption(373f, 486.5f, "23. PRIOR AUTHORIZATION NUMBER"),
        new Caption(21f, 510.5f, "24. A.  DATE(S) OF SERVICE"),
        new Caption(149f, 510.5f, "B. PLACE"),
        new Caption(172f, 510.5f, "C. EMG"),
        new Caption(193f, 510.5f, "D. PROCEDURES, SERVICES, OR SUPPLIES"),
        new Caption(337f, 510.5f, "E. DIAGNOSIS"),
        new Caption(373f, 510.5f, "F."),
        new Caption(437f, 510.5f, "G. DAYS"),
        new Caption(466f, 510.5f, "H."),
        new Caption(481f, 510.5f, "I. ID"),
        new Caption(502f, 510.5f, "J. RENDERING"),
        new Caption(21f, 524f, "MM  DD  YY   MM  DD  YY"),
        new Caption(193f, 524f, "CPT/HCPCS        MODIFIER"),
        new Caption(337f, 524f, "POINTER"),
        new Caption(373f, 524f, "$ CHARGES"),
        new Caption(437f, 524f, "OR UNITS"),
        new Caption(481f, 524f, "QUAL."),
        new Caption(502f, 524f, "PROVIDER ID. #"),
        new Caption(21f, 677.5f, "25. FEDERAL TAX I.D. NUMBER   SSN EIN"),
        new Caption(178f, 677.5f, "26. PATIENT'S ACCOUNT NO."),
        new Caption(284f, 677.5f, "27. ACCEPT ASSIGNMENT?"),
        new Caption(289f, 694f, "YES"),
        new Caption(325f, 694f, "NO"),
        new Caption(373f, 677.5f, "28. TOTAL CHARGE"),
        new Caption(454f, 677.5f, "29. AMOUNT PAID"),
        new Caption(523f, 677.5f, "30. Rsvd for NUCC Use"),
        new Caption(21f, 702f, "31. SIGNATURE OF PHYSICIAN OR SUPPLIER"),
        new Caption(21f, 708f, "INCLUDING DEGREES OR CREDENTIALS"),
        new Caption(178f, 702f, "32. SERVICE FACILITY LOCATION INFORMATION"),
        new Caption(373f, 702f, "33. BILLING PROVIDER INFO & PH #"),
        new Caption(24f, 755f, "SIGNED"),
        new Caption(132f, 755f, "DATE"),
        new Caption(24f, 476f, "A."),
        new Caption(118f, 476f, "B."),
        new Caption(212f, 476f, "C."),
        new Caption(306f, 476f, "D."),
        new Caption(24f, 488f, "E."),
        new Caption(118f, 488f, "F."),
        new Caption(212f, 488f, "G."),
        new Caption(306f, 488f, "H."),
        new Caption(24f, 500f, "I."),
        new Caption(118f, 500f, "J."),
        new Caption(212f, 500f, "K."),
        new Caption(306f, 500f, "L."),
        new Caption(374f, 692f, "$"),
        new Caption(456f, 692f, "$"),
        new Caption(178f, 750f, "a."),
        new Caption(262f, 750f, "b."),
        new Caption(373f, 750f, "a."),
        new Caption(456f, 750f, "b.")
    };

    /** A box caption: where its baseline starts, from the top-left corner. */
    private record Caption(float x, float top, String text) {}

    private RedForm() {}

    static void draw(PDPageContentStream content) throws IOException {
        content.setNonStrokingColor(1f, 0.91f, 0.92f);
        for (int service = 0; service < FormBox.SERVICE_LINES; service++) {
            content.addRect(L, HEIGHT - (539.5f + 24 * service), R - L, 12);
        }
        content.addRect(244.5f, HEIGHT - 420, MID - 244.5f, 12);
        content.fill();
        content.setStrokingColor(0.86f, 0.16f, 0.2f);
        content.setNonStrokingColor(0.86f, 0.16f, 0.2f);
        content.setLineWidth(0.7f);
        for (float[] row : ROWS) {
            line(content, row[1], row[0], row[2], row[0]);
        }
        for (float[] column : COLUMNS) {
            line(content, column[0], column[1], column[0], column[2]);
        }
        for (int service = 0; service < FormBox.SERVICE_LINES; service++) {
            for (float x : SERVICE_COLUMNS) {
                line(content, x, 539.5f + 24 * service, x, 551.5f + 24 * service);
            }
        }
        for (float[] mark : MARKS) {
            line(content, mark[1], mark[0], mark[2], mark[0]);
        }
        for (float[] divider : DIVIDERS) {
            line(content, divider[0], divider[1], divider[0], divider[2]);
        }
        for (float[] box : CHECK_BOXES) {
            content.addRect(box[0], HEIGHT - box[1] - 10, 10, 10);
        }
        content.stroke();
        content.setLineWidth(2);
        for (float top : THICK_ROWS) {
            line(content, L, top, R, top);
        }
        content.stroke();
        captions(content);
    }

    private static void captions(PDPageContentStream content) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        text(content, bold, 12, 21, 66, "HEALTH INSURANCE CLAIM FORM");
        text(content, regular, 6, 21, 76, "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12");
        text(
                content,
                regular,
                6,
                21,
                769,
                "PREVIEW: a drawn approximation of the form, not for submission."
                        + " Print the CMS-1500 PDF on the red NUCC form at actual size.");
        for (Caption caption : CAPTIONS) {
            text(content, regular, 5, caption.x(), caption.top(), caption.text());
        }
        for (int service = 0; service < FormBox.SERVICE_LINES; service++) {
            text(content, bold, 11, 8, 550 + 24 * service, String.valueOf(service + 1));
        }
    }

    private static void line(PDPageContentStream content, float x1, float top1, float x2, float top2)
            throws IOException {
        content.moveTo(x1, HEIGHT - top1);
        content.lineTo(x2, HEIGHT - top2);
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float top, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, HEIGHT - top);
        content.showText(text);
        content.endText();
    }
}
