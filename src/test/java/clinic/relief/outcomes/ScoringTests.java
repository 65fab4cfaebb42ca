package clinic.relief.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scoring tables with worked examples for every instrument, complete and with missing items ("_" is a missing
 * answer), and the answers each rule refuses.
 */
class ScoringTests {

    @ParameterizedTest(name = "{0} {1} scores {2} ({3} answered, {4} missing)")
    @CsvSource(
            delimiter = ';',
            value = {
                // NPRS: the answer itself.
                "NPRS; 0;                    0;     1;  0",
                "NPRS; 7;                    7;     1;  0",
                "NPRS; 10;                   10;    1;  0",
                // PEG: mean of three. (6+7+5)/3 = 6; (3+4+4)/3 = 3.67.
                "PEG;  6 7 5;                6;     3;  0",
                "PEG;  3 4 4;                3.67;  3;  0",
                // PSFS: mean of the rated activities. (2+5+8)/3 = 5; one activity: itself.
                "PSFS; 2 5 8;                5;     3;  0",
                "PSFS; 4;                    4;     1;  0",
                "PSFS; 1 2 3 4 6;            3.2;   5;  0",
                // ODI: sum / (5 x answered) x 100. Complete: 20 / 50 x 100 = 40.
                "ODI;  2 2 2 2 2 2 2 2 2 2;  40;    10; 0",
                "ODI;  5 5 5 5 5 5 5 5 5 5;  100;   10; 0",
                "ODI;  0 1 2 3 4 5 0 1 2 3;  42;    10; 0",
                // ODI, one section missed: 18 / (5 x 9) x 100 = 40.
                "ODI;  2 2 2 _ 2 2 2 2 2 2;  40;    9;  1",
                "ODI;  3 1 0 2 _ 4 1 2 0 1;  31.11; 9;  1",
                // NDI: total of 50. Complete: 1+2+...: 23.
                "NDI;  1 2 3 4 5 0 1 2 3 2;  23;    10; 0",
                "NDI;  0 0 0 0 0 0 0 0 0 0;  0;     10; 0",
                // NDI, missing items take the mean of the answered: 18 / 9 x 10 = 20; 16 / 8 x 10 = 20.
                "NDI;  2 2 2 2 _ 2 2 2 2 2;  20;    9;  1",
                "NDI;  2 2 _ 2 2 _ 2 2 2 2;  20;    8;  2",
                "NDI;  3 1 _ 2 4 _ 0 1 2 1;  17.5;  8;  2",
            })
    void scoresByThePublishedRule(Instrument instrument, String answers, BigDecimal value, int answered, int missing) {
        Score score = Score.of(instrument, parse(answers));
        assertThat(score.value()).isEqualByComparingTo(value);
        assertThat(score.answered()).isEqualTo(answered);
        assertThat(score.missing()).isEqualTo(missing);
    }

    @ParameterizedTest(name = "{0} {1} is refused: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "NPRS; 11;                   outcomes.score.outOfRange",
                "NPRS; -1;                   outcomes.score.outOfRange",
                "NPRS; _;                    outcomes.score.tooManyMissing",
                "NPRS; 3 4;                  outcomes.score.itemCount",
                "PEG;  6 _ 5;                outcomes.score.tooManyMissing",
                "PEG;  6 5;                  outcomes.score.itemCount",
                "PSFS; 2 _;                  outcomes.score.tooManyMissing",
                "PSFS; 1 1 1 1 1 1;          outcomes.score.itemCount",
                "ODI;  2 2 2 2 2 2 2 2 2 6;  outcomes.score.outOfRange",
                "ODI;  2 2 _ 2 2 _ 2 2 2 2;  outcomes.score.tooManyMissing",
                "ODI;  2 2 2 2 2 2 2 2 2;    outcomes.score.itemCount",
                "NDI;  2 _ _ _ 2 2 2 2 2 2;  outcomes.score.tooManyMissing",
                "NDI;  2 2 2 2 2 2 2 2 2 -1; outcomes.score.outOfRange",
            })
    void refusesWhatTheRuleDoesNotAllow(Instrument instrument, String answers, String messageKey) {
        assertThatThrownBy(() -> Score.of(instrument, parse(answers)))
                .isInstanceOfSatisfying(
                        InvalidScore.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }

    /** Property: with any one section missing, ODI equals the score of the answered sections' mean; within range. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void oneMissingOdiSectionScoresLikeTheMeanOfTheOthers(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(random.nextInt(6));
            }
            answers.set(random.nextInt(10), null);
            double mean = answers.stream()
                    .filter(a -> a != null)
                    .mapToInt(Integer::intValue)
                    .average()
                    .orElseThrow();
            Score odi = Score.of(Instrument.ODI, answers);
            Score ndi = Score.of(Instrument.NDI, answers);
            assertThat(odi.value().doubleValue()).isCloseTo(mean * 20, Offset.offset(0.01));
            assertThat(ndi.value().doubleValue()).isCloseTo(mean * 10, Offset.offset(0.01));
            assertThat(odi.value().doubleValue()).isBetween(0.0, 100.0);
        }
    }

    static List<Integer> parse(String answers) {
        return Arrays.stream(answers.trim().split("\\s+"))
                .map(a -> "_".equals(a) ? null : Integer.valueOf(a))
                .toList();
    }
}
