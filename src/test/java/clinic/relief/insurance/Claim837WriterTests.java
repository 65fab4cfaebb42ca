package clinic.relief.insurance;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 837P we write, read back by independent readers (imsweb x12-parser with its 5010 X222A1 layout, node-x12 in
 * strict mode) and checked against the guide's situational rules.
 */
class Claim837WriterTests {

    static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, ZoneId.of("America/Los_Angeles"));

    final Claim837Writer writer = new Claim837Writer(ClaimPackets.BILLING, "+13105550142");

    static Loop read(String x12) throws IOException {
        IndependentX12Reader.assertParses(x12);
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        X12Reader reader = new X12Reader(X12Reader.FileType.ANSI837_5010_X222, new StringReader(x12));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        assertThat(reader.getLoops()).hasSize(1);
        return reader.getLoops().get(0);
    }

    @Test
    void writesABatchTheX222LayoutReadsWithEveryExpectedLoop() throws IOException {
        String x12 = writer.write(ClaimPackets.batch(3), 42, AT, false);
        Loop isa = read(x12);

        for (String loop : List.of(
                "1000A", "1000B", "2000A", "2010AA", "2000B", "2010BA", "2010BB", "2300", "2310A", "2310B", "2400")) {
            assertThat(isa.findLoop(loop)).as(loop).isNotEmpty();
        }
        assertThat(isa.findLoop("2000B")).hasSize(3);
        assertThat(isa.findLoop("2000C")).hasSize(2);
        assertThat(isa.findLoop("2300")).hasSize(3);
        assertThat(isa.findLoop("2400")).hasSize(4);
        assertThat(isa.findLoop("2000A").get(0).getSegment("PRV").getElementValue("PRV03"))
                .isEqualTo("225700000X");
        assertThat(isa.findLoop("2010AA").get(0).getSegment("NM1").getElementValue("NM109"))
                .isEqualTo("1245319599");
    }

    @Test
    void carriesClaimAmountsUnitsDiagnosesAndPointers() throws IOException {
        Loop isa = read(writer.write(ClaimPackets.batch(3), 7, AT, false));

        List<Loop> claims = isa.findLoop("2300");
        assertThat(claims)
                .extracting(c -> c.getSegment("CLM").getElementValue("CLM01"))
                .containsExactly("R1001", "R1002", "R1003");
        assertThat(claims)
                .extracting(c -> new BigDecimal(c.getSegment("CLM").getElementValue("CLM02")))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("110"), new BigDecimal("110"), new BigDecimal("110"));
        assertThat(claims.get(0).getSegment("CLM").getElement("CLM05").toString())
                .isEqualTo("11:B:1");
        assertThat(claims.get(0).getSegment("HI").toString()).isEqualTo("HI*ABK:M5450*ABF:M62838");
        assertThat(claims.get(0).getSegment("REF").toString()).isEqualTo("REF*G1*AUTH1");
        List<Loop> lines = claims.get(2).findLoop("2400");
        assertThat(lines)
                .extracting(l -> l.getSegment("SV1").toString())
                .containsExactly("SV1*HC:97140*90.00*UN*3***1:2", "SV1*HC:97010*20.00*UN*1***1");
        assertThat(lines.get(0).getSegment("DTP").toString()).isEqualTo("DTP*472*D8*20261120");
    }

    @Test
    void writesOneTransactionSetPerListInOneGroupEachCountedAndNumberedOnItsOwn() throws IOException {
        String x12 = writer.writeSets(
                List.of(List.of(ClaimPackets.packet(1), ClaimPackets.packet(2)), List.of(ClaimPackets.packet(3))),
                77,
                AT,
                false);
        IndependentX12Reader.assertParses(x12);
        X12Reader reader = new X12Reader(X12Reader.FileType.ANSI837_5010_X222, new StringReader(x12));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();

        Loop isa = reader.getLoops().get(0);
        List<Loop> sets = isa.findLoop("ST_LOOP");
        assertThat(sets)
                .extracting(st -> st.getSegment("ST").getElementValue("ST02"))
                .containsExactly("0001", "0002");
        assertThat(sets)
                .extracting(st -> st.getSegment("SE").getElementValue("SE02"))
                .containsExactly("0001", "0002");
        assertThat(sets.get(0).findLoop("2300")).hasSize(2);
        assertThat(sets.get(1).findLoop("2300")).hasSize(1);
        String[] segments = x12.split("~\n");
        String second = x12.substring(x12.indexOf("ST*837*0002"));
        int secondSegments =
                (int) second.lines().takeWhile(l -> !l.startsWith("GE*")).count();
        assertThat(sets.get(1).getSegment("SE").getElementValue("SE01")).isEqualTo(String.valueOf(secondSegments));
        assertThat(segments[segments.length - 2]).isEqualTo("GE*2*77");
        assertThat(isa.getSegment("ISA").getElementValue("ISA13")).isEqualTo("000000077");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 57})
    void countsSegmentsAndControlNumbersInTheTrailers(int claims) throws IOException {
        String x12 = writer.write(ClaimPackets.batch(claims), 123456789, AT, true);
        Loop isa = read(x12);

        Loop st = isa.findLoop("ST_LOOP").get(0);
        String[] segments = x12.split("~\n");
        int st01 = indexOf(segments, "ST*");
        int se01 = indexOf(segments, "SE*");
        assertThat(Integer.parseInt(st.getSegment("SE").getElementValue("SE01")))
                .isEqualTo(se01 - st01 + 1);
        assertThat(st.getSegment("ST").getElementValue("ST03")).isEqualTo("005010X222A1");
        assertThat(isa.findLoop("GS_LOOP").get(0).getSegment("GE").getElementValue("GE01"))
                .isEqualTo("1");
        assertThat(isa.getSegment("IEA").getElementValue("IEA01")).isEqualTo("1");
        assertThat(isa.getSegment("IEA").getElementValue("IEA02")).isEqualTo("123456789");
        assertThat(isa.getSegment("ISA").getElementValue("ISA13")).isEqualTo("123456789");
    }

    @Test
    void keepsSeparatorsTypedIntoNamesOutOfTheFile() throws IOException {
        ClaimPacket p = ClaimPackets.packet(2);
        Subscriber s = p.coverage().subscriber();
        Subscriber odd = new Subscriber(
                s.relationship(),
                "Ana~*",
                "O'Neil:^",
                s.birthDate(),
                s.sex(),
                s.street(),
                s.city(),
                s.state(),
                s.zip());
        Coverage c = p.coverage();
        Coverage coverage = new Coverage(
                c.id(),
                c.patientId(),
                c.payerName(),
                c.payerId(),
                c.planType(),
                c.memberId(),
                c.groupNumber(),
                odd,
                c.copay(),
                c.coinsurancePercent(),
                c.deductible(),
                c.deductibleMet(),
                c.planYearStart(),
                c.visitsAllowed(),
                c.visitsUsed(),
                c.authorization(),
                false,
                c.effectiveFrom(),
                null);
        ClaimPacket packet =
                new ClaimPacket(p.claim(), p.patient(), coverage, p.prescription(), p.rendering(), p.billing());

        Loop isa = read(writer.write(List.of(packet), 1, AT, false));
        assertThat(isa.findLoop("2010BA").get(0).getSegment("NM1").toString())
                .isEqualTo("NM1*IL*1*O'NEIL*ANA****MI*XYZ100002");
    }

    private static int indexOf(String[] segments, String prefix) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
