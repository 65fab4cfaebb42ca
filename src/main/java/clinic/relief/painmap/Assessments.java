package clinic.relief.painmap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

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

    private final PainFinder finder;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Assessments(PainFinder finder, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.finder = finder;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Screens and ranks the query and saves the result.
     *
     * @throws UnknownIds when the query names ids the knowledge base does not know (nothing is saved)
     */
    public SavedAssessment assess(PainQuery query) {
        PainFinderResult result = finder.find(query);
        SavedAssessment saved = new SavedAssessment(UUID.randomUUID(), Instant.now(clock), ENGINE_VERSION, query,
                result);
        // One statement, so one round trip. set_config(..., true) turns synchronous_commit off for this statement's
        // own transaction only: an anonymous assessment need not wait for its WAL flush. A server crash in the next
        // fraction of a second can lose it, never corrupt it or anything else; clinical records never do this.
        jdbc.sql("""
                insert into painmap_assessment (id, created_at, engine_version, knowledge_base_version, query, result)
                select :id, :createdAt, :engine, :kb, cast(:query as jsonb), cast(:result as jsonb)
                from (select set_config('synchronous_commit', 'off', true)) as async_commit
                """)
                .param("id", saved.id())
                .param("createdAt", OffsetDateTime.ofInstant(saved.createdAt(), ZoneOffset.UTC))
                .param("engine", ENGINE_VERSION)
                .param("kb", result.knowledgeBaseVersion())
                .param("query", json.writeValueAsString(query))
                .param("result", json.writeValueAsString(result))
                .update();
        return saved;
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
