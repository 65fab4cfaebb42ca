package clinic.relief.painmap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code painmap_assessment}: the query and the result as {@code jsonb}. */
@Repository
class AssessmentStore {

    private static final String INSERT = """
            insert into painmap_assessment (id, created_at, engine_version, knowledge_base_version, query, result)
            select cast(row_json ->> 'id' as uuid), cast(row_json ->> 'createdAt' as timestamptz),
                   row_json ->> 'engineVersion', row_json ->> 'knowledgeBaseVersion',
                   row_json -> 'query', row_json -> 'result'
            from jsonb_array_elements(cast(? as jsonb)) as batch(row_json),
                 (select set_config('synchronous_commit', 'off', true)) as async_commit
            """;

    /** A stored assessment with its query and result as JSON text. */
    record Row(UUID id, OffsetDateTime createdAt, String engineVersion, String query, String result) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AssessmentStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Writes a batch as one statement with one parameter: the rows as one JSON array, which PostgreSQL parses once
     * and splits. The rows' query and result JSON go in as they are, not escaped again as array elements, and the
     * statement text never changes with the batch size. set_config(..., true) turns synchronous_commit off for this
     * statement's transaction only: an anonymous assessment need not wait for its WAL flush, and a server crash in
     * the next fraction of a second can lose one, never corrupt it or anything else. Clinical records never do this.
     */
    void insert(List<AssessmentRow> rows) {
        StringBuilder batch = new StringBuilder(rows.size() * 2048).append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                batch.append(',');
            }
            rows.get(i).appendJson(batch);
        }
        jdbcTemplate.update(INSERT, batch.append(']').toString());
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select id, created_at, engine_version, query, result from painmap_assessment where id = :id")
                .param("id", id)
                .query((rs, row) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("engine_version"),
                        rs.getString("query"),
                        rs.getString("result")))
                .optional();
    }
}
