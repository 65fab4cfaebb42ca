package clinic.relief.outcomes;

import java.util.List;

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

    private static final String QUERY = """
            with first_sessions as (
                select v.appointment_id, v.patient_id, v.therapist_id, v.service_id, p.before - p.after as drop,
                    (p.before - p.after >= 2 or (p.before > 0 and p.before - p.after >= 0.3 * p.before)) as reached
                from outcomes_visit v join outcomes_pain p on p.appointment_id = v.appointment_id
                where v.visit_number = 1 and p.before is not null and p.after is not null
                  and not exists (select 1 from outcomes_note_void x where x.appointment_id = v.appointment_id)
            ), signed as (
                select distinct on (n.appointment_id) n.appointment_id, n.id, n.pain_regions
                from outcomes_note n join first_sessions f on f.appointment_id = n.appointment_id
                where n.signed_at is not null order by n.appointment_id, n.version desc
            ), grouped as (
                select 'overall' as dimension, '' as key, f.* from first_sessions f
                union all select 'therapist', f.therapist_id::text, f.* from first_sessions f
                union all select 'service', f.service_id, f.* from first_sessions f
                union all select 'region', r.region, f.* from first_sessions f join signed s using (appointment_id)
                    cross join lateral (select distinct regexp_replace(x, '_(L|R)$', '') as region
                                        from unnest(s.pain_regions) x) r
                union all select 'muscle', t.muscle_id, f.* from first_sessions f join signed s using (appointment_id)
                    join (select distinct note_id, muscle_id from outcomes_trigger_point) t on t.note_id = s.id
            )
            select dimension, key, count(distinct patient_id) as clients, count(*) as sessions,
                avg(case when reached then 1.0 else 0.0 end) as share,
                percentile_cont(0.5) within group (order by drop) as median_drop
            from grouped group by dimension, key order by dimension, count(*) desc, key""";

    private final JdbcClient jdbc;

    Results(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Line> all() {
        return jdbc.sql(QUERY).query((rs, row) -> new Line(rs.getString("dimension"), rs.getString("key"),
                rs.getLong("clients"), rs.getLong("sessions"), rs.getDouble("share"), rs.getDouble("median_drop")))
                .list();
    }

    /** Only the lines with at least {@code k} clients behind them, never by therapist: what the public may see. */
    public List<Line> forPublic(int k) {
        return all().stream().filter(line -> line.hasAtLeast(k) && !"therapist".equals(line.dimension())).toList();
    }
}
