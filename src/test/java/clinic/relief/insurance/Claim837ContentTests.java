package clinic.relief.insurance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a payer reads in the 837P: plain upper-case names, the patient's own sex, loops per 005010X222A1. */
class Claim837ContentTests {

    static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, ZoneId.of("America/Los_Angeles"));

    final Claim837Writer writer = new Claim837Writer(ClaimPackets.BILLING, "+13105550142");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "José Núñez Peña|JOSE NUNEZ PENA",
                "Los Ángeles|LOS ANGELES",
                "ñandú|NANDU",
                "Strauß Øster|STRAUSS OSTER",
                "Zoë O’Brien-Łukasz|ZOE O'BRIEN-LUKASZ",
                "Apt #4 @ Main*St~x:y^z|APT 4 MAIN ST X Y Z",
                "José 李|JOSE",
                "Who?|WHO"
            })
    void writesTextInTheBasicCharacterSet(String given, String written) {
        assertThat(X12Segments.text(given)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "James Okafor, CMT|James|Okafor|CMT",
                "María Delgado, CMT, LMT|María|Delgado|CMT, LMT",
                "Ana Lucía Paz|Ana Lucía|Paz|''",
                "Prince|''|Prince|''"
            })
    void readsLegalNamesAndTheCredentialFromADisplayName(String display, String first, String last, String credential) {
        ClaimPacket.Rendering r = ClaimPacket.Rendering.of(display, null, null, "225700000X");

        assertThat(r.firstName()).isEqualTo(first);
        assertThat(r.lastName()).isEqualTo(last);
        assertThat(r.credential()).isEqualTo(credential);
    }

    @Test
    void namesTheRenderingTherapistByLastAndFirstNameWithTheirOwnTaxonomy() {
        ClaimPacket p = ClaimPackets.packet(2);
        ClaimPacket okafor = new ClaimPacket(
                p.claim(),
                p.patient(),
                p.coverage(),
                p.prescription(),
                ClaimPacket.Rendering.of("James Okafor, CMT", new Npi("1679576722"), "CAMTC 7", "225700000X")
                        .withTaxonomy("174400000X"),
                p.billing());

        String x12 = writer.write(List.of(okafor), 10, AT, false);

        assertThat(x12).contains("NM1*82*1*OKAFOR*JAMES****XX*1679576722~\nPRV*PE*PXC*174400000X~");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
    }

    @Test
    void writesAccentedNamesAndAddressesAsPlainLettersNeverAsQuestionMarks() {
        ClaimPacket p = ClaimPackets.packet(1);
        Patient patient = new Patient(
                p.patient().id(), "José", "Núñez Peña", null, null, LocalDate.of(2012, 2, 3), Sex.MALE, "es");
        Subscriber s = p.coverage().subscriber();
        Subscriber accented = new Subscriber(
                s.relationship(), "Ángela", "Núñez", s.birthDate(), "F", "4 Calle Ñandú", "Los Ángeles", "CA", "90033");
        String x12 = writer.write(List.of(packet(p, patient, accented)), 5, AT, false);

        assertThat(x12)
                .contains("NM1*IL*1*NUNEZ*ANGELA****MI*")
                .contains("NM1*QC*1*NUNEZ PENA*JOSE~")
                .contains("N3*4 CALLE NANDU~\nN4*LOS ANGELES*CA*90033~")
                .doesNotContain("?");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
        IndependentX12Reader.assertParses(x12);
    }

    @Test
    void sendsADependantsOwnDateOfBirthAndSexIn2010CaAndNoSubscriberDemographics() {
        ClaimPacket child = ClaimPackets.packet(1);
        String x12 = writer.write(List.of(child), 6, AT, false);

        assertThat(x12)
                .contains("SBR*P**G7788******12~\nNM1*IL*1*GARCIA*LUIS****MI*XYZ100001~\nNM1*PR*2*")
                .contains("PAT*19~\nNM1*QC*1*GARCIA*ROSA1~\nN3*12 OCEAN AVE~\nN4*TORRANCE*CA*90501~\n"
                        + "DMG*D8*20100105*F~")
                .doesNotContain("DMG*D8*19780630");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
    }

    @Test
    void sendsTheSubscribersDemographicsWhenTheSubscriberIsThePatient() {
        String x12 = writer.write(List.of(ClaimPackets.packet(2)), 8, AT, false);

        assertThat(x12)
                .contains("HL*2*1*22*0~\nSBR*P*18*")
                .contains("NM1*IL*1*GARCIA*LUIS****MI*XYZ100002~\nN3*12 OCEAN AVE~\nN4*TORRANCE*CA*90501~\n"
                        + "DMG*D8*19780630*M~\nNM1*PR*")
                .doesNotContain("PAT*");
        assertThat(X12SituationalRules.broken(x12)).isEmpty();
    }

    @Test
    void theOwnRuleChecksCatchSubscriberDemographicsSentForADependant() {
        String good = writer.write(List.of(ClaimPackets.packet(1)), 9, AT, false);
        String bad = good.replace("NM1*PR*2*", "DMG*D8*19780630*M~\nNM1*PR*2*");

        assertThat(X12SituationalRules.broken(good)).isEmpty();
        assertThat(X12SituationalRules.broken(bad)).singleElement().asString().contains("SBR02 is not 18");
    }

    private static ClaimPacket packet(ClaimPacket p, Patient patient, Subscriber subscriber) {
        Coverage c = p.coverage();
        Coverage coverage = new Coverage(
                c.id(),
                c.patientId(),
                c.payerName(),
                c.payerId(),
                c.planType(),
                c.memberId(),
                c.groupNumber(),
                subscriber,
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
        return new ClaimPacket(p.claim(), patient, coverage, p.prescription(), p.rendering(), p.billing());
    }
}
