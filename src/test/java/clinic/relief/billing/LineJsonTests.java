package clinic.relief.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineJsonTests {

    @Test
    void readsTheArgumentsThatTheMigrationMadeOfTaggedStrings() {
        // What V2026_12_06_1135 writes for t:, m:, n:, y: and l: (PostgreSQL orders a jsonb object's keys).
        List<LineArg> args = LineJson.args("""
                [{"text": "Blue Shield PPO", "type": "text"}, {"type": "amount", "amount": 90.00},
                 {"type": "number", "number": "20"}, {"type": "month", "month": "2027-03"},
                 {"type": "names", "names": {"en": "Relief Monthly", "es": "Relief Mensual"}}]""");

        assertThat(args)
                .containsExactly(
                        LineArg.text("Blue Shield PPO"),
                        LineArg.amount(Money.of("90")),
                        LineArg.number(20),
                        LineArg.month(YearMonth.of(2027, 3)),
                        LineArg.names(Map.of("en", "Relief Monthly", "es", "Relief Mensual")));
    }

    @Test
    void writesAmountsAsPlainNumbersAndEveryArgumentWithItsType() {
        assertThat(LineJson.args(List.of(LineArg.amount(Money.of("12.5")), LineArg.month(YearMonth.of(2027, 3)))))
                .isEqualTo("[{\"type\":\"amount\",\"amount\":12.50},{\"type\":\"month\",\"month\":\"2027-03\"}]");
    }
}
