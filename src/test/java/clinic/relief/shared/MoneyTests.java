package clinic.relief.shared;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

    @Test
    void holdsEveryAmountToTheCent() {
        assertThat(Money.of("12").toString()).isEqualTo("12.00");
        assertThat(Money.of("12.5")).isEqualTo(Money.of("12.50"));
        assertThat(Money.ofCents(-705).toString()).isEqualTo("-7.05");
    }

    @Test
    void refusesFractionsOfACentInsteadOfRoundingThemAway() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.005"));
    }

    @ParameterizedTest
    @CsvSource({
        "100.00, 20, 20.00",
        "12.34, 20, 2.47", // 2.468 rounds up
        "0.05, 50, 0.03", // half a cent rounds up
        "99.99, 0, 0.00",
        "-10.01, 50, -5.01" // half-up rounds away from zero for credits too
    })
    void takesAPercentRoundingHalfUpOnce(String amount, String percent, String expected) {
        assertThat(Money.of(amount).percent(new BigDecimal(percent))).isEqualTo(Money.of(expected));
    }

    @Test
    void addsSubtractsAndCompares() {
        Money fee = Money.of("40");
        assertThat(fee.plus(Money.of("0.5")).minus(Money.of("10.25"))).isEqualTo(Money.of("30.25"));
        assertThat(fee.times(3).cents()).isEqualTo(12000);
        assertThat(fee.min(Money.of("39.99"))).isEqualTo(Money.of("39.99"));
        assertThat(Money.ZERO.minus(fee).isNegative()).isTrue();
    }

    @Test
    void refusesANegativeAmountWhereOneMustNotBe() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("-1").requireNotNegative("A payment"))
                .withMessageContaining("A payment");
    }

    @Test
    void writesDollarsTheLocaleWay() {
        assertThat(Money.of("1234.5").format(Locale.US)).isEqualTo("$1,234.50");
        assertThat(Money.of("1234.5").format(Locale.forLanguageTag("es-US"))).contains("1,234.50");
    }

    @ParameterizedTest
    @CsvSource({"1E+3000000", "1E+16", "1234567890123456", "-1E+3000000", "1e-3000000"})
    void refusesAmountsOutOfRangeBeforeAnyArithmetic(String amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(amount));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal(amount)));
    }

    @Test
    void acceptsTheLargestAmountItHolds() {
        assertThat(Money.of("999999999999999.99").cents()).isEqualTo(99999999999999999L);
    }
}
