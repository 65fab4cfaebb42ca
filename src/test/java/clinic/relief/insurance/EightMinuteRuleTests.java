package clinic.relief.insurance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static clinic.relief.insurance.Cpt.MANUAL_THERAPY;
import static clinic.relief.insurance.Cpt.MASSAGE;
import static org.assertj.core.api.Assertions.assertThat;

class EightMinuteRuleTests {

    @ParameterizedTest(name = "{0} minutes = {1} units")
    @CsvSource({
        "0, 0", "7, 0", "8, 1", "22, 1", "23, 2", "37, 2", "38, 3", "50, 3", "52, 3", "53, 4", "60, 4", "67, 4",
        "68, 5", "82, 5", "83, 6", "90, 6"
    })
    void turnsTotalMinutesIntoUnits(int minutes, int units) {
        assertThat(EightMinuteRule.units(minutes)).isEqualTo(units);
    }

    @ParameterizedTest(name = "97140 {0} min + 97124 {1} min = {2} + {3} units")
    @CsvSource({
        "60, 0, 4, 0",
        "33, 7, 2, 1", // 40 minutes = 3 units; the 7 minutes of 97124 hold the larger remainder
        "7, 7, 1, 0", // 14 minutes = 1 unit, to the first of two equal codes
        "30, 30, 2, 2",
        "40, 20, 3, 1", // 60 minutes = 4: 2 + 1 whole, the extra unit to 97140's 10 minutes
        "24, 23, 2, 1", // 47 minutes = 3: 1 + 1 whole, the extra to 97140 (9 > 8 minutes left)
        "5, 3, 1, 0"
    }) // 8 minutes together earn one unit
    void sharesUnitsAcrossTimedCodesByTheTotalTime(int manual, int massage, int manualUnits, int massageUnits) {
        Map<Cpt, Integer> minutes = new LinkedHashMap<>();
        minutes.put(MANUAL_THERAPY, manual);
        minutes.put(MASSAGE, massage);
        assertThat(EightMinuteRule.units(minutes))
                .isEqualTo(Map.of(MANUAL_THERAPY, manualUnits, MASSAGE, massageUnits));
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 11L, 97140L})
    void splitUnitsAlwaysAddUpToTheUnitsOfTheTotal(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            int manual = random.nextInt(90);
            int massage = random.nextInt(90);
            Map<Cpt, Integer> minutes = new LinkedHashMap<>();
            minutes.put(MANUAL_THERAPY, manual);
            minutes.put(MASSAGE, massage);
            int sum = EightMinuteRule.units(minutes).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            assertThat(sum).isEqualTo(EightMinuteRule.units(manual + massage));
        }
    }
}
