package clinic.relief.booking.schedule;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

import clinic.relief.booking.TimeRange;

/**
 * A fixed set of time ranges that answers "does anything here overlap this range?" in logarithmic time: ranges are
 * sorted by start, and a running maximum of their ends tells whether any range starting before the query's end
 * reaches past its start. Ranges may overlap each other (time off often does). Immutable and thread-safe.
 */
final class Spans {

    private final long[] starts;
    private final long[] reach;

    private Spans(long[] starts, long[] reach) {
        this.starts = starts;
        this.reach = reach;
    }

    static Spans of(Collection<TimeRange> ranges) {
        TimeRange[] sorted = ranges.toArray(TimeRange[]::new);
        Arrays.sort(sorted, Comparator.comparing(TimeRange::start));
        long[] starts = new long[sorted.length];
        long[] reach = new long[sorted.length];
        long furthest = Long.MIN_VALUE;
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = micros(sorted[i].start());
            furthest = Math.max(furthest, micros(sorted[i].end()));
            reach[i] = furthest;
        }
        return new Spans(starts, reach);
    }

    /** True when some range shares time with {@code range} (half-open ranges, as PostgreSQL's {@code &&}). */
    boolean overlap(TimeRange range) {
        int before = startingBefore(micros(range.end()));
        return before > 0 && reach[before - 1] > micros(range.start());
    }

    /** How many ranges start strictly before {@code end}. */
    private int startingBefore(long end) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] < end) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
