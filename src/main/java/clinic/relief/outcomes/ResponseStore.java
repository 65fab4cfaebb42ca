package clinic.relief.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import static clinic.relief.shared.Timestamps.utc;

/** Stored questionnaire answers and scores. */
@Repository
class ResponseStore {

    /** One scored questionnaire of a visit. */
    public record Response(UUID appointmentId, Instrument instrument, BigDecimal score, int missing, Instant takenAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResponseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a scored questionnaire; a visit's second answer to the same questionnaire replaces the first. */
    void record(Visit visit, Score score, List<Integer> answers, List<String> activities, String by, Instant now) {
        jdbc.sql("""
                insert into outcomes_response (id, appointment_id, patient_id, instrument, answers, activities, score,
                    answered, missing, taken_at, entered_by)
                values (:id, :a, :p, :instrument, :answers::jsonb, :activities::jsonb, :score,
                    :answered, :missing, :now, :by)
                on conflict (appointment_id, instrument) do update set answers = excluded.answers,
                    activities = excluded.activities, score = excluded.score, answered = excluded.answered,
                    missing = excluded.missing, taken_at = excluded.taken_at, entered_by = excluded.entered_by""")
                .param("id", UUID.randomUUID())
                .param("a", visit.appointmentId())
                .param("p", visit.patientId())
                .param("instrument", score.instrument().name())
                .param("answers", json.writeValueAsString(answers))
                .param("activities", activities == null ? null : json.writeValueAsString(activities))
                .param("score", score.value())
                .param("answered", score.answered())
                .param("missing", score.missing())
                .param("now", utc(now))
                .param("by", by)
                .update();
    }

    List<Response> ofPatient(UUID patientId) {
        return jdbc.sql("""
                select appointment_id, instrument, score, missing, taken_at from outcomes_response
                where patient_id = :p order by taken_at""")
                .param("p", patientId)
                .query((rs, row) -> new Response(
                        rs.getObject("appointment_id", UUID.class),
                        Instrument.valueOf(rs.getString("instrument")),
                        rs.getBigDecimal("score"),
                        rs.getInt("missing"),
                        rs.getObject("taken_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
