package clinic.relief.insurance;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.insurance.cms1500.Cms1500;
import clinic.relief.patients.Patient;
import clinic.relief.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CMS-1500 read back with PDFBox, glyph by glyph: each value must start at its box's column and line on the
 * red form's print grid (10 characters per inch, 6 lines per inch; column c at 24 + 7.2 (c - 1) points from the
 * left edge, line n's baseline 20 + 12 n points from the top) and be there in full. The positions below are the
 * NUCC 02/12 form's, written out here independently of the code's own table.
 */
class Cms1500Tests {

    private static final Cms1500.Details DETAILS = new Cms1500.Details("+13105550142", LocalDate.of(2026, 12, 14));

    /** Box → line, column, value for claim 3 of the test batch: a dependent child, two service lines. */
    private static final Object[][] CLAIM_3 = {
        {"carrier: payer name", 1, 43, "BLUE SHIELD OF CALIFORNIA"},
        {"1 group health plan", 8, 31, "X"},
        {"1a insured's id", 8, 50, "XYZ100003"},
        {"2 patient's name", 10, 1, "GARCIA, ROSA3"},
        {"3 birth month", 10, 31, "01"},
        {"3 birth day", 10, 34, "05"},
        {"3 birth year", 10, 37, "2010"},
        {"3 sex: female", 10, 47, "X"},
        {"4 insured's name", 10, 50, "GARCIA, LUIS"},
        {"5 patient's street", 12, 1, "12 OCEAN AVE"},
        {"6 child", 12, 42, "X"},
        {"7 insured's street", 12, 50, "12 OCEAN AVE"},
        {"5 city", 14, 1, "TORRANCE"},
        {"5 state", 14, 26, "CA"},
        {"7 city", 14, 50, "TORRANCE"},
        {"7 state", 14, 74, "CA"},
        {"5 zip", 16, 1, "90501"},
        {"7 zip", 16, 50, "90501"},
        {"11 group number", 18, 50, "G7788"},
        {"10a employment: no", 20, 41, "X"},
        {"11a insured's birth month", 20, 53, "06"},
        {"11a insured's birth day", 20, 56, "30"},
        {"11a insured's birth year", 20, 59, "1978"},
        {"11a insured's sex: male", 20, 68, "X"},
        {"10b auto accident: no", 22, 41, "X"},
        {"10c other accident: no", 24, 41, "X"},
        {"11c plan name", 24, 50, "BLUE SHIELD OF CALIFORNIA"},
        {"11d another plan: no", 26, 57, "X"},
        {"12 signature", 29, 7, "SIGNATURE ON FILE"},
        {"12 date", 29, 37, "12 14 26"},
        {"13 signature", 29, 56, "SIGNATURE ON FILE"},
        {"17 qualifier", 34, 1, "DN"},
        {"17 referring provider", 34, 4, "ALAN GRANT"},
        {"17b referring NPI", 34, 33, "1234567893"},
        {"21 ICD indicator", 37, 42, "0"},
        {"21 A", 38, 3, "M5450"},
        {"21 B", 38, 16, "M62838"},
        {"23 prior authorization", 40, 50, "AUTH3"},
        {"24I 1 qualifier", 43, 65, "ZZ"},
        {"24J 1 taxonomy", 43, 68, "225700000X"},
        {"24A 1 from month", 44, 1, "11"},
        {"24A 1 from day", 44, 4, "20"},
        {"24A 1 from year", 44, 7, "26"},
        {"24A 1 to month", 44, 10, "11"},
        {"24A 1 to day", 44, 13, "20"},
        {"24A 1 to year", 44, 16, "26"},
        {"24B 1 place", 44, 19, "11"},
        {"24D 1 CPT", 44, 25, "97140"},
        {"24E 1 pointers", 44, 45, "AB"},
        {"24F 1 dollars", 44, 53, "90"},
        {"24F 1 cents", 44, 56, "00"},
        {"24G 1 units", 44, 59, "3"},
        {"24J 1 rendering NPI", 44, 68, "1679576722"},
        {"24I 2 qualifier", 45, 65, "ZZ"},
        {"24J 2 taxonomy", 45, 68, "225700000X"},
        {"24A 2 from month", 46, 1, "11"},
        {"24A 2 from day", 46, 4, "20"},
        {"24A 2 from year", 46, 7, "26"},
        {"24A 2 to month", 46, 10, "11"},
        {"24A 2 to day", 46, 13, "20"},
        {"24A 2 to year", 46, 16, "26"},
        {"24B 2 place", 46, 19, "11"},
        {"24D 2 CPT", 46, 25, "97010"},
        {"24E 2 pointer", 46, 45, "A"},
        {"24F 2 dollars", 46, 53, "20"},
        {"24F 2 cents", 46, 56, "00"},
        {"24G 2 units", 46, 59, "1"},
        {"24J 2 rendering NPI", 46, 68, "1679576722"},
        {"25 EIN", 56, 1, "951234567"},
        {"25 EIN box", 56, 19, "X"},
        {"26 account", 56, 23, "R1003"},
        {"27 accept assignment: yes", 56, 38, "X"},
        {"28 dollars", 56, 54, "110"},
        {"28 cents", 56, 58, "00"},
        {"29 dollars", 56, 66, "0"},
        {"29 cents", 56, 68, "00"},
        {"33 area code", 57, 66, "310"},
        {"33 phone", 57, 70, "5550142"},
        {"32 name", 58, 23, "MASSAGE REVOLUTION LLC"},
        {"33 name", 58, 50, "MASSAGE REVOLUTION LLC"},
        {"32 street", 59, 23, "1200 EXAMPLE AVENUE"},
        {"33 street", 59, 50, "1200 EXAMPLE AVENUE"},
        {"31 signature with credentials", 60, 1, "MARIA LOPEZ CMT"},
        {"32 city state zip (26 columns: ZIP+4 does not fit)", 60, 23, "REDONDO BEACH CA 90277"},
        {"33 city state zip", 60, 50, "REDONDO BEACH CA 90277-1234"},
        {"31 date", 61, 6, "12 14 26"},
        {"32a NPI", 61, 23, "1245319599"},
        {"33a NPI", 61, 50, "1245319599"},
        {"33b taxonomy", 61, 63, "ZZ225700000X"}
    };

    @Test
    void placesEveryValueInFullOnItsBoxOfTheRedFormsPrintGrid() throws IOException {
        Map<Integer, Map<Integer, Character>> grid = grid(Cms1500.print(ClaimPackets.packet(3), DETAILS), 0);

        Map<Integer, Map<Integer, Character>> expected = new TreeMap<>();
        for (Object[] box : CLAIM_3) {
            String value = (String) box[3];
            assertThat(read(grid, (int) box[1], (int) box[2], value.length() + 1))
                    .as("box %s at line %s, column %s", box[0], box[1], box[2])
                    .isEqualTo(value + " ");
            place(expected, (int) box[1], (int) box[2], value);
        }
        assertThat(grid).as("nothing printed outside the boxes").isEqualTo(expected);
    }

    @Test
    void marksTheDependantsOwnSexAndTheSubscribersFromTheCard() throws IOException {
        Map<Integer, Map<Integer, Character>> child = grid(Cms1500.print(ClaimPackets.packet(3), DETAILS), 0);
        Map<Integer, Map<Integer, Character>> self = grid(Cms1500.print(ClaimPackets.packet(2), DETAILS), 0);

        assertThat(read(child, 10, 42, 1)).as("3: not male").isBlank();
        assertThat(read(child, 10, 47, 1)).as("3: female, as the desk recorded").isEqualTo("X");
        assertThat(read(self, 10, 42, 1)).as("3: male").isEqualTo("X");
        assertThat(read(self, 12, 33, 1)).as("6: self").isEqualTo("X");
    }

    @Test
    void writesPhonesAsAreaCodeAndSevenDigitsAndNamesInPlainCapitals() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);
        Patient patient = new Patient(
                p.patient().id(),
                "José",
                "Núñez Peña",
                "+1 (310) 555-0199",
                null,
                LocalDate.of(1980, 2, 3),
                null,
                "es");
        ClaimPacket packet =
                new ClaimPacket(p.claim(), patient, p.coverage(), p.prescription(), p.rendering(), p.billing());

        Map<Integer, Map<Integer, Character>> grid = grid(Cms1500.print(packet, DETAILS), 0);

        assertThat(read(grid, 10, 1, 17)).isEqualTo("NUNEZ PENA, JOSE ");
        assertThat(read(grid, 16, 15, 3)).as("5 area code").isEqualTo("310");
        assertThat(read(grid, 16, 19, 8)).as("5 phone").isEqualTo("5550199 ");
        assertThat(read(grid, 16, 65, 3)).as("7 area code").isEqualTo("310");
        assertThat(read(grid, 16, 69, 8)).as("7 phone").isEqualTo("5550199 ");
    }

    @Test
    void leavesBoxesBlankWhereTheClaimHasNoDataAndKeepsLongValuesInsideTheirBoxes() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);
        Patient noBirthDate = new Patient(p.patient().id(), "Rosa", "Garcia", null, null, null, null, "en");
        Coverage c = p.coverage();
        Coverage longPayerName = new Coverage(
                c.id(),
                c.patientId(),
                "Blue Shield of California Promise Health Plan Inc",
                c.payerId(),
                c.planType(),
                c.memberId(),
                c.groupNumber(),
                c.subscriber(),
                c.copay(),
                c.coinsurancePercent(),
                c.deductible(),
                c.deductibleMet(),
                c.planYearStart(),
                c.visitsAllowed(),
                c.visitsUsed(),
                c.authorization(),
                c.creditOnInsuredVisit(),
                c.effectiveFrom(),
                c.effectiveTo());
        ClaimPacket packet = new ClaimPacket(p.claim(), noBirthDate, longPayerName, null, p.rendering(), p.billing());

        Map<Integer, Map<Integer, Character>> grid = grid(Cms1500.print(packet, DETAILS), 0);

        assertThat(read(grid, 10, 31, 10)).as("3 without a birth date").isBlank();
        assertThat(read(grid, 34, 1, 45)).as("17 without a prescription").isBlank();
        assertThat(read(grid, 24, 50, 31))
                .as("11c: 29 columns to the form's edge")
                .isEqualTo("BLUE SHIELD OF CALIFORNIA PRO  ");
    }

    @Test
    void keepsTheZipPlusFourInBox32WhenItFitsItsColumns() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);
        ClinicProfile.Billing b = p.billing();
        ClinicProfile.Billing torrance = new ClinicProfile.Billing(
                b.legalName(),
                b.npi(),
                b.taxId(),
                b.taxonomy(),
                new ClinicProfile.Address("21 Del Amo Circle", "Torrance", "CA", "905031234", "US"),
                b.contactName(),
                b.submitterId(),
                b.receiverName(),
                b.receiverId(),
                false,
                null,
                null,
                null);
        ClaimPacket packet =
                new ClaimPacket(p.claim(), p.patient(), p.coverage(), p.prescription(), p.rendering(), torrance);

        Map<Integer, Map<Integer, Character>> grid = grid(Cms1500.print(packet, DETAILS), 0);

        assertThat(read(grid, 60, 23, 23)).as("32").isEqualTo("TORRANCE CA 90503-1234 ");
        assertThat(read(grid, 60, 50, 23)).as("33").isEqualTo("TORRANCE CA 90503-1234 ");
    }

    @Test
    void printsTheFormNameWholeInBoxes32And33WhileThe837pKeepsTheLongerLegalName() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);
        ClinicProfile.Billing b = p.billing();
        ClinicProfile.Billing longName = new ClinicProfile.Billing(
                "Massage Revolution Therapeutic Massage LLC",
                b.npi(),
                b.taxId(),
                b.taxonomy(),
                b.address(),
                b.contactName(),
                b.submitterId(),
                b.receiverName(),
                b.receiverId(),
                false,
                null,
                null,
                "Massage Revolution TM & Co");
        BillingProvider.checkNames(longName);
        ClaimPacket packet =
                new ClaimPacket(p.claim(), p.patient(), p.coverage(), p.prescription(), p.rendering(), longName);

        Map<Integer, Map<Integer, Character>> grid = grid(Cms1500.print(packet, DETAILS), 0);

        assertThat(read(grid, 58, 23, 27)).as("32").isEqualTo("MASSAGE REVOLUTION TM & CO ");
        assertThat(read(grid, 58, 50, 29)).as("33").isEqualTo("MASSAGE REVOLUTION TM & CO   ");
        String x12 =
                new Claim837Writer(longName, "+13105550142").write(List.of(packet), 1, Claim837WriterTests.AT, false);
        assertThat(x12).contains("NM1*85*2*MASSAGE REVOLUTION THERAPEUTIC MASSAGE LLC*****XX*" + b.npi() + "~");
    }

    @Test
    void putsSevenServiceLinesOnTwoFormsEachWithItsOwnTotal() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);
        List<ClaimLine> lines = IntStream.range(0, 7)
                .mapToObj(i -> new ClaimLine(Cpt.MANUAL_THERAPY, 15, 1, Money.of("30.00"), List.of(1)))
                .toList();
        Claim claim = new Claim(
                p.claim().id(),
                p.claim().number(),
                p.claim().facts(),
                ClaimState.READY,
                lines,
                p.claim().diagnoses(),
                Money.ZERO,
                Money.ZERO,
                null);
        byte[] pdf = Cms1500.print(
                new ClaimPacket(claim, p.patient(), p.coverage(), p.prescription(), p.rendering(), p.billing()),
                DETAILS);

        Map<Integer, Map<Integer, Character>> first = grid(pdf, 0);
        Map<Integer, Map<Integer, Character>> second = grid(pdf, 1);
        assertThat(read(first, 54, 25, 5)).as("sixth line on the first form").isEqualTo("97140");
        assertThat(read(first, 56, 54, 3)).as("28 on the first form").isEqualTo("180");
        assertThat(read(second, 44, 25, 5))
                .as("seventh line on the second form")
                .isEqualTo("97140");
        assertThat(read(second, 46, 25, 5).strip()).isEmpty();
        assertThat(read(second, 56, 55, 2)).as("28 on the second form").isEqualTo("30");
        assertThat(read(second, 8, 50, 9)).as("each form stands alone").isEqualTo("XYZ100002");
    }

    @Test
    void previewDrawsTheFormBehindTheSameValues() throws IOException {
        byte[] preview = Cms1500.preview(ClaimPackets.packet(3), DETAILS);

        Map<Integer, Map<Integer, Character>> values = grid(preview, 0);
        assertThat(values).isEqualTo(grid(Cms1500.print(ClaimPackets.packet(3), DETAILS), 0));
        try (PDDocument document = Loader.loadPDF(preview)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(
                            "HEALTH INSURANCE CLAIM FORM",
                            "1a. INSURED'S I.D. NUMBER",
                            "24. A.  DATE(S) OF SERVICE",
                            "33. BILLING PROVIDER INFO & PH #");
        }
    }

    /**
     * The Courier characters of one page by print line and column. Each must be Courier 10 pt standing exactly on
     * the grid: its left edge on a column's, its baseline on a line's.
     */
    private static Map<Integer, Map<Integer, Character>> grid(byte[] pdf, int pageIndex) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                glyphs.addAll(positions);
            }
        };
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        Map<Integer, Map<Integer, Character>> grid = new TreeMap<>();
        for (TextPosition glyph : glyphs) {
            if (!glyph.getFont().getName().startsWith("Courier")
                    || glyph.getUnicode().isBlank()) {
                continue;
            }
            assertThat(glyph.getFontSizeInPt()).isEqualTo(10f);
            int column = Math.round((glyph.getXDirAdj() - 24) / 7.2f) + 1;
            int line = Math.round((glyph.getYDirAdj() - 20) / 12f);
            assertThat(glyph.getXDirAdj()).as(glyph.getUnicode()).isCloseTo(24 + 7.2f * (column - 1), within(0.01f));
            assertThat(glyph.getYDirAdj()).as(glyph.getUnicode()).isCloseTo(20 + 12f * line, within(0.01f));
            grid.computeIfAbsent(line, l -> new TreeMap<>())
                    .put(column, glyph.getUnicode().charAt(0));
        }
        return grid;
    }

    private static void place(Map<Integer, Map<Integer, Character>> grid, int line, int column, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != ' ') {
                grid.computeIfAbsent(line, l -> new TreeMap<>()).put(column + i, value.charAt(i));
            }
        }
    }

    /** {@code length} characters from a line and column, a blank where nothing is printed. */
    private static String read(Map<Integer, Map<Integer, Character>> grid, int line, int column, int length) {
        Map<Integer, Character> row = grid.getOrDefault(line, new HashMap<>());
        StringBuilder text = new StringBuilder();
        for (int c = column; c < column + length; c++) {
            text.append(row.getOrDefault(c, ' '));
        }
        return text.toString();
    }
}
