package clinic.relief.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A scored questionnaire: the value on the instrument's scale (rounded to 2 decimals), how many items were answered
 * and how many missing. {@link #of} applies the instrument's published rule (see {@link Instrument}).
 */
public record Score(Instrument instrument, BigDecimal value, int answered, int missing) {

    /**
     * Scores the answers in item order; a null answer is a missing item.
     *
     * @throws InvalidScore for an answer out of range, too many or too few items, or too many missing
     */
    public static Score of(Instrument instrument, List<Integer> answers) {
        if (answers == null || answers.size() < instrument.minItems() || answers.size() > instrument.maxItems()) {
            throw new InvalidScore("answers", "outcomes.score.itemCount");
        }
        int sum = 0;
        int answered = 0;
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            if (answer == null) {
                continue;
            }
            if (answer < 0 || answer > instrument.maxAnswer()) {
                throw new InvalidScore("answers[" + i + "]", "outcomes.score.outOfRange");
            }
            sum += answer;
            answered++;
        }
        int missing = answers.size() - answered;
        if (missing > instrument.maxMissing()) {
            throw new InvalidScore("answers", "outcomes.score.tooManyMissing");
        }
        return new Score(instrument, round(value(instrument, sum, answered, answers.size())), answered, missing);
    }

    private static double value(Instrument instrument, int sum, int answered, int items) {
        return switch (instrument) {
            case NPRS -> sum;
            case PEG, PSFS -> (double) sum / answered;
            case ODI -> 100.0 * sum / (5.0 * answered);
            // NDI: each missing item takes the mean of the answered ones, so the total is the mean times 10 items.
            case NDI -> (double) sum / answered * items;
        };
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    public Score {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(value, "value");
    }
}
