package clinic.relief.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's de-identified results over first sessions (a client's first visit with pain before and after, note
 * not voided): how many reached the NPRS MCID (a fall of at least 2 points or 30 %), and the median fall in pain,
 * overall and by complaint region (from the signed note's pain map, per base region), by muscle found (any trigger
 * point in the signed note), by therapist and by service. One query; PostgreSQL does the counting.
 */
@Service
class Results {

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

    /**
     * Per group and per fall in pain (an integer from -10 to 10): how many sessions, how many reached the MCID. A
     * histogram instead of a median in SQL, so PostgreSQL hashes instead of sorting half a million rows.
     */
    static final String QUERY = """
            with first_sessions as (
                select v.appointment_id, v.therapist_id, v.service_id, p.before - p.after as drop,
                    (p.before - p.after >= 2 or (p.before > 0 and p.before - p.after >= 0.3 * p.before)) as reached
                from outcomes_visit v join outcomes_pain p on p.appointment_id = v.appointment_id
                where p.before is not null and p.after is not null
                  and not exists (select 1 from outcomes_visit w
                                  where w.patient_id = v.patient_id and w.started_at < v.started_at)
                  and not exists (select 1 from outcomes_note_void x where x.appointment_id = v.appointment_id)
            ), signed as (
                select n.appointment_id, n.id, n.pain_regions from outcomes_note n
                where n.signed_at is not null and not exists (select 1 from outcomes_note m
                    where m.appointment_id = n.appointment_id and m.signed_at is not null and m.version > n.version)
            ), grouped as (
                select 'overall' as dimension, '' as key, drop, reached from first_sessions
                union all select 'therapist', therapist_id::text, drop, reached from first_sessions
                union all select 'service', service_id, drop, reached from first_sessions
                union all select 'region', r.region, f.drop, f.reached from first_sessions f join (
                    select s.appointment_id, regexp_replace(x.id, '_(L|R)$', '') as region
                    from signed s cross join unnest(s.pain_regions) as x(id) group by 1, 2) r
                    on r.appointment_id = f.appointment_id
                union all select 'muscle', t.muscle_id, f.drop, f.reached from first_sessions f
                    join signed s on s.appointment_id = f.appointment_id
                    join (select distinct note_id, muscle_id from outcomes_trigger_point) t on t.note_id = s.id
            )
            select dimension, key, drop, count(*) as sessions, count(*) filter (where reached) as reached
            from grouped group by dimension, key, drop""";

    private final JdbcClient jdbc;

    Results(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Line> all() {
        // Hash tables for a few hundred thousand rows: let them stay in memory.
        jdbc.sql("set local work_mem = '64MB'").update();
        Map<List<String>, TreeMap<Integer, long[]>> histograms = new TreeMap<>(Comparator
                .comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        jdbc.sql(QUERY).query(rs -> {
            histograms.computeIfAbsent(List.of(rs.getString("dimension"), rs.getString("key")), k -> new TreeMap<>())
                    .put(rs.getInt("drop"), new long[] {rs.getLong("sessions"), rs.getLong("reached")});
        });
        List<Line> lines = new ArrayList<>();
        histograms.forEach((group, histogram) -> lines.add(line(group.get(0), group.get(1), histogram)));
        lines.sort(Comparator.comparing(Line::dimension).thenComparing(Line::sessions, Comparator.reverseOrder())
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

    /** Only the lines with at least {@code k} clients behind them, never by therapist: what the public may see. */
    public List<Line> forPublic(int k) {
        return all().stream().filter(line -> line.hasAtLeast(k) && !"therapist".equals(line.dimension())).toList();
    }
}
