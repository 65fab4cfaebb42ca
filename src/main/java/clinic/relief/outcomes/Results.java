package clinic.relief.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's de-identified results over first sessions (a client's first visit with pain before and after, note
 * not voided): how many reached the NPRS MCID (a fall of at least 2 points or 30 %), and the median fall in pain,
 * overall and by complaint region (from the signed note's pain map, per base region), by muscle found (any trigger
 * point in the signed note), by therapist and by service. One query; PostgreSQL does the counting.
 */
@Service
public class Results {

    /** One line of results: a group ({@code dimension} and {@code key}), its clients and sessions, share, median. */
    public record Line(String dimension, String key, long clients, long sessions, double share, double medianDrop) {

        /** Whether at least {@code k} distinct clients stand behind this line. */
        public boolean hasAtLeast(int k) {
            return clients >= k;
        }

        public long sharePercent() {
            return Math.round(share * 100);
        }
    }

    private final ResultStore store;

    Results(ResultStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public List<Line> all() {
        Map<List<String>, TreeMap<Integer, long[]>> histograms =
                new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (ResultStore.Bucket b : store.firstSessionHistograms()) {
            histograms
                    .computeIfAbsent(List.of(b.dimension(), b.key()), k -> new TreeMap<>())
                    .put(b.drop(), new long[] {b.sessions(), b.reached()});
        }
        List<Line> lines = new ArrayList<>();
        histograms.forEach((group, histogram) -> lines.add(line(group.get(0), group.get(1), histogram)));
        lines.sort(Comparator.comparing(Line::dimension)
                .thenComparing(Line::sessions, Comparator.reverseOrder())
                .thenComparing(Line::key));
        return lines;
    }

    /** A group's line from its histogram: the median as PostgreSQL's percentile_cont(0.5) gives it. */
    static Line line(String dimension, String key, TreeMap<Integer, long[]> histogram) {
        long sessions = histogram.values().stream().mapToLong(c -> c[0]).sum();
        long reached = histogram.values().stream().mapToLong(c -> c[1]).sum();
        double median = (valueAt(histogram, (sessions - 1) / 2) + valueAt(histogram, sessions / 2)) / 2.0;
        return new Line(dimension, key, sessions, sessions, (double) reached / sessions, median);
    }

    /** The value at a 0-based position of the sorted sessions. */
    private static int valueAt(TreeMap<Integer, long[]> histogram, long position) {
        long seen = 0;
        for (Map.Entry<Integer, long[]> bucket : histogram.entrySet()) {
            seen += bucket.getValue()[0];
            if (position < seen) {
                return bucket.getKey();
            }
        }
        throw new IllegalStateException("position " + position + " beyond " + seen);
    }

    /** The line over every first session, if any has pain before and after: the owner's Today shows its share. */
    @Transactional(readOnly = true)
    public Optional<Line> overall() {
        return all().stream().filter(line -> "overall".equals(line.dimension())).findFirst();
    }

    /** Only the lines with at least {@code k} clients behind them, never by therapist: what the public may see. */
    public List<Line> forPublic(int k) {
        return all().stream()
                .filter(line -> line.hasAtLeast(k) && !"therapist".equals(line.dimension()))
                .toList();
    }
}
