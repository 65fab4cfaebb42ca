package clinic.relief.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimedSnapshotTests {

    private static final Instant START = Instant.parse("2026-12-14T17:00:00Z");

    private final TravellingClock clock = new TravellingClock(Clock.fixed(START, ZoneOffset.UTC));
    private final AtomicInteger loads = new AtomicInteger();
    private final TimedSnapshot<Integer> snapshot =
            new TimedSnapshot<>(clock, Duration.ofSeconds(5), loads::incrementAndGet);

    @Test
    void answersFromTheLastReadUntilItIsStale() {
        assertThat(snapshot.get()).isEqualTo(1);
        clock.travelTo(START.plusMillis(4_999));
        assertThat(snapshot.get()).isEqualTo(1);
        clock.travelTo(START.plusSeconds(5));
        assertThat(snapshot.get()).isEqualTo(2);
    }

    @Test
    void readsAgainAfterAnInvalidation() {
        snapshot.get();
        snapshot.invalidate();

        assertThat(snapshot.get()).isEqualTo(2);
        assertThat(snapshot.get()).isEqualTo(2);
    }

    @Test
    void readsAgainWhenTheClockMovedBackBeforeTheLastRead() {
        clock.travelTo(START.plusSeconds(60));
        snapshot.get();
        clock.returnHome();

        assertThat(snapshot.get()).isEqualTo(2);
    }
}
