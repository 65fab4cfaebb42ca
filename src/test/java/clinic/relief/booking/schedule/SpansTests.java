package clinic.relief.booking.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import clinic.relief.booking.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpansTests {

    private static final Instant T0 = Instant.parse("2026-11-02T17:00:00Z");

    @Test
    void treatsRangesAsHalfOpenLikePostgres() {
        Spans spans = Spans.of(List.of(range(60, 120)));

        assertThat(spans.overlap(range(0, 60))).isFalse();
        assertThat(spans.overlap(range(120, 180))).isFalse();
        assertThat(spans.overlap(range(119, 180))).isTrue();
        assertThat(spans.overlap(range(0, 61))).isTrue();
        assertThat(spans.overlap(range(70, 80))).isTrue();
    }

    @Test
    void seesALongRangeThatStartedBeforeShorterOnes() {
        // Time off for the week, then appointments inside it: the long range must still count after the short ones.
        Spans spans = Spans.of(List.of(range(0, 10_000), range(100, 160), range(200, 260)));

        assertThat(spans.overlap(range(5_000, 5_060))).isTrue();
        assertThat(spans.overlap(range(10_000, 10_060))).isFalse();
    }

    @Test
    void anEmptySetOverlapsNothing() {
        assertThat(Spans.of(List.of()).overlap(range(0, 60))).isFalse();
    }

    /** Property: for random sets and queries, the answer equals a plain scan of every range. */
    @ParameterizedTest
    @MethodSource("seeds")
    void answersExactlyAsAScanOfEveryRangeWould(long seed) {
        Random random = new Random(seed);
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = random.nextInt(40); i > 0; i--) {
            int start = random.nextInt(2_000);
            ranges.add(range(start, start + 1 + random.nextInt(300)));
        }
        Spans spans = Spans.of(ranges);
        for (int query = 0; query < 200; query++) {
            int start = random.nextInt(2_400) - 200;
            TimeRange asked = range(start, start + 1 + random.nextInt(120));
            assertThat(spans.overlap(asked))
                    .as("%s in %s", asked, ranges)
                    .isEqualTo(ranges.stream().anyMatch(asked::overlaps));
        }
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 20261125L + i);
    }

    private static TimeRange range(int fromMinute, int toMinute) {
        return new TimeRange(T0.plus(Duration.ofMinutes(fromMinute)), T0.plus(Duration.ofMinutes(toMinute)));
    }
}
