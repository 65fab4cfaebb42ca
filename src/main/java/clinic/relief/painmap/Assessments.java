package clinic.relief.painmap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the pain finder and keeps each assessment, so that the results page, a booking intake and later a therapist
 * can open it by id. Texts are not stored per language: the saved result carries both languages.
 */
@Service
public class Assessments {

    /** Changes whenever the ranking rules change, so that saved results can be told apart. */
    public static final String ENGINE_VERSION = "2026.11.25";

    private static final String INSERT = """
            insert into painmap_assessment (id, created_at, engine_version, knowledge_base_version, query, result)
            select cast(row_json ->> 'id' as uuid), cast(row_json ->> 'createdAt' as timestamptz),
                   row_json ->> 'engineVersion', row_json ->> 'knowledgeBaseVersion',
                   row_json -> 'query', row_json -> 'result'
            from jsonb_array_elements(cast(? as jsonb)) as batch(row_json),
                 (select set_config('synchronous_commit', 'off', true)) as async_commit
            """;

    private final PainFinder finder;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AssessmentWriter writer;

    Assessments(PainFinder finder, JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json, Clock clock) {
        this.finder = finder;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.writer = new AssessmentWriter(rows -> insert(jdbcTemplate, rows), 4096, 256, 10_000);
    }

    /**
     * Screens and ranks the query and saves the result; returns once it is written (group commit: see
     * {@link AssessmentWriter}).
     *
     * @throws UnknownIds when the query names ids the knowledge base does not know (nothing is saved)
     * @throws AssessmentsBusy when assessments arrive faster than they can be written
     */
    public SavedAssessment assess(PainQuery query) {
        PainFinderResult result = finder.find(query);
        SavedAssessment saved = new SavedAssessment(UUID.randomUUID(),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS), ENGINE_VERSION, query, result);
        writer.save(new AssessmentRow(saved.id(), saved.createdAt(), ENGINE_VERSION, result.knowledgeBaseVersion(),
                json.writeValueAsString(query), json.writeValueAsString(result)));
        return saved;
    }

    /**
     * Writes a batch as one statement with one parameter: the rows as one JSON array, which PostgreSQL parses once
     * and splits. The rows' query and result JSON go in as they are, not escaped again as array elements, and the
     * statement text never changes with the batch size. set_config(..., true) turns synchronous_commit off for this
     * statement's transaction only: an anonymous assessment need not wait for its WAL flush, and a server crash in
     * the next fraction of a second can lose one, never corrupt it or anything else. Clinical records never do this.
     */
    private static void insert(JdbcTemplate jdbc, List<AssessmentRow> rows) {
        StringBuilder batch = new StringBuilder(rows.size() * 2048).append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                batch.append(',');
            }
            rows.get(i).appendJson(batch);
        }
        jdbc.update(INSERT, batch.append(']').toString());
    }

    @PreDestroy
    void stopWriting() {
        writer.close();
    }

    @Transactional(readOnly = true)
    public Optional<SavedAssessment> find(UUID id) {
        return jdbc.sql("select id, created_at, engine_version, query, result from painmap_assessment where id = :id")
                .param("id", id)
                .query(this::read)
                .optional();
    }

    private SavedAssessment read(ResultSet rs, int row) throws SQLException {
        return new SavedAssessment(rs.getObject("id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("engine_version"),
                json.readValue(rs.getString("query"), PainQuery.class),
                json.readValue(rs.getString("result"), PainFinderResult.class));
    }
}
