package clinic.relief.outcomes;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The de-identified figures over all visits that {@link Results} and {@link FinderAccuracy} are drawn from. */
@Repository
class ResultStore {

    /**
     * Per group and per fall in pain (an integer from -10 to 10): how many sessions, how many reached the MCID. A
     * histogram instead of a median in SQL, so PostgreSQL hashes instead of sorting half a million rows.
     */
    static final String FIRST_SESSION_HISTOGRAMS = """
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

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One group's sessions with one fall in pain, and how many of them reached the MCID. */
    record Bucket(String dimension, String key, int drop, long sessions, long reached) {}

    /** A muscle found with an active trigger point in a visit's signed note ({@code null}: none found). */
    record Found(UUID appointmentId, UUID assessmentId, String muscleId) {}

    /** The histograms of {@link #FIRST_SESSION_HISTOGRAMS}; runs in the caller's transaction. */
    List<Bucket> firstSessionHistograms() {
        // Hash tables for a few hundred thousand rows: let them stay in memory.
        jdbc.sql("set local work_mem = '64MB'").update();
        return jdbc.sql(FIRST_SESSION_HISTOGRAMS).query(Bucket.class).list();
    }

    /**
     * For each visit that came with an assessment and has a signed, not voided note: the muscles its latest signed
     * version found active, one row each (one row with no muscle when it found none).
     */
    List<Found> foundActiveInAssessedVisits() {
        return jdbc.sql("""
                select s.appointment_id, s.assessment_id, t.muscle_id from (
                    select distinct on (n.appointment_id) n.appointment_id, n.id, v.assessment_id
                    from outcomes_note n join outcomes_visit v on v.appointment_id = n.appointment_id
                    where v.assessment_id is not null and n.signed_at is not null
                      and not exists (select 1 from outcomes_note_void x where x.appointment_id = n.appointment_id)
                    order by n.appointment_id, n.version desc) s
                left join outcomes_trigger_point t on t.note_id = s.id and t.active""").query(Found.class).list();
    }
}
