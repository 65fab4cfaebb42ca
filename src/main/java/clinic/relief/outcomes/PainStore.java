package clinic.relief.outcomes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Stored pain before and after each visit. */
@Repository
class PainStore {

    /** One visit's start and its pain scores, for the client's chart. */
    record Visit(Instant start, Integer before, Integer after) {}

    private final JdbcClient jdbc;

    PainStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the given values (a null leaves the stored one as it is). */
    void record(UUID appointmentId, Integer before, Integer after, String by, Instant now) {
        jdbc.sql("""
                insert into outcomes_pain (appointment_id, before, after, before_by, after_by, updated_at)
                values (:a, cast(:before as smallint), cast(:after as smallint),
                    case when cast(:before as smallint) is null then null else :by end,
                    case when cast(:after as smallint) is null then null else :by end, :now)
                on conflict (appointment_id) do update set
                    before = coalesce(excluded.before, outcomes_pain.before),
                    after = coalesce(excluded.after, outcomes_pain.after),
                    before_by = coalesce(excluded.before_by, outcomes_pain.before_by),
                    after_by = coalesce(excluded.after_by, outcomes_pain.after_by),
                    updated_at = excluded.updated_at""")
                .param("a", appointmentId)
                .param("before", before)
                .param("after", after)
                .param("by", by)
                .param("now", utc(now))
                .update();
    }

    Optional<Pain> of(UUID appointmentId) {
        return jdbc.sql("select before, after from outcomes_pain where appointment_id = :a")
                .param("a", appointmentId)
                .query((rs, row) -> new Pain((Integer) rs.getObject("before"), (Integer) rs.getObject("after")))
                .optional();
    }

    /** Each of the client's visits, oldest first, with its pain scores (null where none were recorded). */
    List<Visit> history(UUID patientId) {
        return jdbc.sql("""
                select v.started_at, p.before, p.after from outcomes_visit v
                left join outcomes_pain p on p.appointment_id = v.appointment_id
                where v.patient_id = :p order by v.started_at""")
                .param("p", patientId)
                .query((rs, row) -> new Visit(
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        (Integer) rs.getObject("before"),
                        (Integer) rs.getObject("after")))
                .list();
    }
}
