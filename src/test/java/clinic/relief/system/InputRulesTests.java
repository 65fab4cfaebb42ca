package clinic.relief.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputRulesTests {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "bell\u0007", "esc\u001b[31m", "lone \ud800 surrogate", "\udc00"})
    void refusesControlCharactersAndBrokenSurrogatesInText(String text) {
        assertThatThrownBy(() -> InputRules.text(text))
                .isInstanceOfSatisfying(
                        InputRules.Refused.class,
                        r -> assertThat(r.messageKey()).isEqualTo("input.controlCharacters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "tab\tand\r\nnew lines", "ñandú 😀", "<script>"})
    void keepsOrdinaryTextAsItIs(String text) {
        assertThat(InputRules.text(text)).isEqualTo(text);
    }

    @Test
    void boundsDatesAndInstants() {
        assertThat(InputRules.date(LocalDate.of(2026, 12, 14))).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThatThrownBy(() -> InputRules.date(LocalDate.MAX)).isInstanceOf(InputRules.Refused.class);
        assertThatThrownBy(() -> InputRules.date(LocalDate.of(1899, 12, 31))).isInstanceOf(InputRules.Refused.class);
        assertThatThrownBy(() -> InputRules.check(Instant.parse("+999999999-12-31T00:00:00Z")))
                .isInstanceOfSatisfying(
                        InputRules.Refused.class,
                        r -> assertThat(r.arguments()).containsExactly("1900-01-01", "2199-12-31"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1E+3000000",
                "1e-3000000",
                "123456789012345678901",
                "0.00000000001",
                "99999999999999999999999999999999999999999999999999"
            })
    void refusesNumbersOutOfRangeBeforeAnyArithmetic(String number) {
        assertThatThrownBy(() -> InputRules.number(number)).isInstanceOf(InputRules.Refused.class);
    }

    @Test
    void keepsOrdinaryNumbers() {
        assertThat(InputRules.number("25.00")).isEqualByComparingTo(new BigDecimal("25"));
        assertThat(InputRules.number(" 1E+3 ")).isEqualByComparingTo(new BigDecimal("1000"));
    }

    @Test
    void readsOnlyWellFormedPercentEncodedUtf8WithoutControlCharacters() {
        assertThat(MalformedRequests.readable("lang=es&q=caf%C3%A9+%E2%82%AC", true))
                .isTrue();
        assertThat(MalformedRequests.readable("note=line%0Aline%09tab", true)).isTrue();
        assertThat(MalformedRequests.readable("lang=%ED%A0%80", true)).isFalse();
        assertThat(MalformedRequests.readable("q=%C0%AF", true)).isFalse();
        assertThat(MalformedRequests.readable("q=%FF", true)).isFalse();
        assertThat(MalformedRequests.readable("q=%E2%82", true)).isFalse();
        assertThat(MalformedRequests.readable("q=%zz", true)).isFalse();
        assertThat(MalformedRequests.readable("q=%4", true)).isFalse();
        assertThat(MalformedRequests.readable("q=%00", true)).isFalse();
        assertThat(MalformedRequests.readable("/blog/a%0Ab", false)).isFalse();
    }
}
