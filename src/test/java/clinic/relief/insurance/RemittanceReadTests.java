package clinic.relief.insurance;

import java.util.List;
import java.util.Locale;

import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemittanceReadTests {

    @Test
    void readsClaimAndServiceLineAdjustmentsWithTheirGroupAndReasonCodes() {
        String file = Remittance835.recount(new Remittance835("EFT9")
                .claim("R1001", "1", "110.00", "60.00", "25.00", "PR*1*20.00*1*2*5.00")
                .build()
                .replace(
                        "NM1*QC*1*GARCIA*ROSA****MI*XYZ1~\n",
                        "NM1*QC*1*GARCIA*ROSA****MI*XYZ1~\nSVC*HC:97140*110.00*60.00**4~\nCAS*CO*45*25.00~\n"));

        Remittance.ClaimPayment payment = Remittance.read(file).payments().get(0);

        assertThat(payment.claimId()).isEqualTo("R1001");
        assertThat(payment.reference()).isEqualTo("EFT9/R1001/PAYERR1001/1");
        assertThat(payment.adjustments())
                .containsExactly(
                        new Remittance.Adjustment("PR", "1", Money.of("20.00")),
                        new Remittance.Adjustment("PR", "2", Money.of("5.00")),
                        new Remittance.Adjustment("CO", "45", Money.of("25.00")));
        assertThat(payment.patientShare()).isEqualTo(Money.of("25.00"));
        assertThat(Remittances.outcome(payment)).isEqualTo(ClaimState.PAID);
    }

    @ParameterizedTest(name = "status {0}, charge {1}, paid {2}, patient {3}, CO-45 {4} -> {5}")
    @CsvSource({
        "1, 110.00, 60.00, 25.00, 25.00, PAID",
        "1, 110.00, 0.00, 110.00, 0.00, PAID", // all to the deductible: settled, the patient owes it
        "1, 110.00, 40.00, 25.00, 0.00, PARTLY_PAID",
        "2, 110.00, 50.00, 0.00, 25.00, PARTLY_PAID",
        "4, 110.00, 0.00, 0.00, 0.00, DENIED",
        "1, 110.00, 0.00, 0.00, 0.00, DENIED"
    })
    void decidesTheClaimsStateFromThePayersAnswer(
            String status, String charge, String paid, String patient, String contractual, ClaimState state) {
        var payment = new Remittance.ClaimPayment(
                "R1",
                status,
                Money.of(charge),
                Money.of(paid),
                Money.of(patient),
                "ref",
                List.of(new Remittance.Adjustment("CO", "45", Money.of(contractual))));
        assertThat(Remittances.outcome(payment)).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource({"'ISA*00*truncated~', ", "'', ", "'GS*HP*X~', "})
    void refusesWhatIsNotAnX221Remittance(String content) {
        assertThatThrownBy(() -> Remittance.read(content)).isInstanceOf(UnreadableRemittance.class);
    }

    @Test
    void refusesAnAmountThatIsNotANumber() {
        String file = new Remittance835("EFT9")
                .claim("R1001", "1", "110.00", "6O.00", "25.00")
                .build();
        assertThatThrownBy(() -> Remittance.read(file)).isInstanceOf(UnreadableRemittance.class);
    }

    @Test
    void namesWhatA277casStatusCodesMeanAndLeavesA999sSegmentInErrorAlone() {
        AdjustmentCodes codes = new AdjustmentCodes();

        assertThat(codes.claimStatus("A7:562:85"))
                .isEqualTo("Acknowledgement: rejected for invalid information; Entity's National Provider Identifier"
                        + " (NPI); Billing provider");
        assertThat(codes.claimStatus("A2:20"))
                .isEqualTo("Acknowledgement: accepted into the adjudication system;" + " Accepted for processing");
        assertThat(codes.claimStatus("segment REF at position 20 (error 8); element 2 (error I12)"))
                .isEmpty();
        assertThat(codes.claimStatus("")).isEmpty();
    }

    @Test
    void namesWhatA277casStatusCodesMeanInSpanishForASpanishLocale() {
        AdjustmentCodes codes = new AdjustmentCodes();

        assertThat(codes.claimStatus("A7:562:85", Locale.forLanguageTag("es")))
                .isEqualTo("Acuse: rechazada por información no válida; Identificador Nacional de Proveedor (NPI) de la"
                        + " entidad; Proveedor que factura");
        assertThat(codes.claimStatus("A1:19:PR", Locale.forLanguageTag("es-US")))
                .isEqualTo("Acuse: recibida, aún no aceptada para adjudicación; La entidad acusa recibo de la"
                        + " reclamación; Aseguradora");
        assertThat(codes.claimStatus("A1:19:PR", Locale.ENGLISH))
                .isEqualTo("Acknowledgement: received, not yet accepted for adjudication; Entity acknowledges receipt"
                        + " of the claim; Payer");
        assertThat(codes.reason("45")).as("CARC rows stay English only").startsWith("Charge exceeds");
    }
}
