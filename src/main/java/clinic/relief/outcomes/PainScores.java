package clinic.relief.outcomes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.outcomes.Visits.utc;

/** Stored pain before and after each visit. */
@Component
class PainScores {

    /** Pain before and after one visit; either may still be missing (null). */
    public record Pain(Integer before, Integer after) {

        public boolean complete() {
            return before != null && after != null;
        }

        /** How many points pain fell (negative when it rose), or null while incomplete. */
        public Integer drop() {
            return complete() ? before - after : null;
        }
    }

    private final JdbcClient jdbc;

    PainScores(JdbcClient jdbc) {
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
                .param("a", appointmentId).param("before", before).param("after", after).param("by", by)
                .param("now", utc(now)).update();
    }

    Optional<Pain> of(UUID appointmentId) {
        return jdbc.sql("select before, after from outcomes_pain where appointment_id = :a")
                .param("a", appointmentId)
                .query((rs, row) -> new Pain((Integer) rs.getObject("before"), (Integer) rs.getObject("after")))
                .optional();
    }
}
