package clinic.relief.insurance;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeValidationTests {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1679576722", "1003000126"})
    void acceptsNpisWithTheirLuhnCheckDigit(String npi) {
        assertThat(new Npi(npi).value()).isEqualTo(npi);
        assertThat(Npi.isValid(npi)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "1234567890, npiCheckDigit",
        "1234567894, npiCheckDigit",
        "1245319590, npiCheckDigit",
        "123456789, npiShape",
        "12345678931, npiShape",
        "12345A7893, npiShape",
        "'', npiShape"
    })
    void refusesNpisWithAWrongCheckDigitOrShape(String npi, String reason) {
        assertThatThrownBy(() -> new Npi(npi))
                .isInstanceOf(InvalidCode.class)
                .extracting(e -> ((InvalidCode) e).reason())
                .isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L, 2026L})
    void everyNineDigitsHaveExactlyOneCheckDigitAndAnyOtherFails(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String nine = String.format("%09d", random.nextInt(1_000_000_000));
            int check = Npi.checkDigit(nine);
            assertThat(Npi.isValid(nine + check)).isTrue();
            int wrong = (check + 1 + random.nextInt(9)) % 10;
            assertThat(Npi.isValid(nine + wrong)).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "M54.50, M54.50",
        "m5450, M54.50",
        "M54.2, M54.2",
        "M62.838, M62.838",
        "s134xxa, S13.4XXA",
        "M79.18, M79.18",
        "G44.209, G44.209"
    })
    void normalizesWellShapedIcd10Codes(String typed, String code) {
        assertThat(new Icd10(typed).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
        "M54.5, 'M54.50, M54.51, M54.59'",
        "M545, 'M54.50, M54.51, M54.59'",
        "M79.1, 'M79.10, M79.11, M79.12, M79.18'",
        "M54.3, 'M54.30, M54.31, M54.32'"
    })
    void refusesRetiredIcd10CodesNamingTheReplacements(String typed, String instead) {
        assertThatThrownBy(() -> new Icd10(typed))
                .isInstanceOf(InvalidCode.class)
                .satisfies(e -> {
                    assertThat(((InvalidCode) e).reason()).isEqualTo("icdRetired");
                    assertThat(((InvalidCode) e).hint()).isEqualTo(instead);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "54.50", "U07.1", "M5", "MM4.50", "M54.50123", "M54-50", "1M54"})
    void refusesMalformedIcd10Codes(String typed) {
        assertThatThrownBy(() -> new Icd10(typed))
                .isInstanceOf(InvalidCode.class)
                .extracting(e -> ((InvalidCode) e).reason())
                .isEqualTo("icdShape");
    }

    @Test
    void everyCommonCodeIsValid() {
        Icd10.COMMON.forEach(code -> assertThat(new Icd10(code).common()).isTrue());
    }

    @ParameterizedTest
    @CsvSource({"97140, MANUAL_THERAPY", "97124, MASSAGE", "97010, HOT_COLD_PACKS"})
    void knowsTheCptCodesTheClinicBills(String code, Cpt cpt) {
        assertThat(Cpt.of(code)).isEqualTo(cpt);
    }

    @ParameterizedTest
    @CsvSource({
        "97112, cptNotNeuromuscularTherapy",
        "97110, cptNotOffered",
        "97001, cptPhysicalTherapistsOnly",
        "99213, cptUnknown",
        "abc, cptUnknown"
    })
    void refusesCptCodesTheClinicMustNotBill(String code, String reason) {
        assertThatThrownBy(() -> Cpt.of(code))
                .isInstanceOf(InvalidCode.class)
                .extracting(e -> ((InvalidCode) e).reason())
                .isEqualTo(reason);
    }
}
