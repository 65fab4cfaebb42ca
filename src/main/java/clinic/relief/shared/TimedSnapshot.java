package clinic.relief.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value read through a loader and kept for a while: {@link #get()} answers from the last read until it is
 * {@code freshFor} old (by the given clock), then reads again, so another instance's write shows here within that
 * time. The owner calls {@link #invalidate()} after its own writes, so they show at once. A clock that moved back
 * before the last read (the demo's {@link TravellingClock} coming home) also makes it read again.
 *
 * <p>The loader runs in the caller's thread and transaction (a read-only one, say), so it must only read. Thread-safe:
 * two threads may both load at the end of a period; the last one kept wins, and both answers are fresh.
 */
public final class TimedSnapshot<T> {

    private record Read<T>(Instant at, T value) {}

    private final Clock clock;
    private final Duration freshFor;
    private final Supplier<T> loader;
    private volatile @Nullable Read<T> last;

    public TimedSnapshot(Clock clock, Duration freshFor, Supplier<T> loader) {
        this.clock = clock;
        this.freshFor = freshFor;
        this.loader = loader;
    }

    /** The value as last read, or as read now when that read is missing, stale or from the clock's future. */
    public T get() {
        Read<T> current = last;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.at().plus(freshFor)) || now.isBefore(current.at())) {
            current = new Read<>(now, loader.get());
            last = current;
        }
        return current.value();
    }

    /** Forgets the last read: the next {@link #get()} reads again. */
    public void invalidate() {
        last = null;
    }
}
