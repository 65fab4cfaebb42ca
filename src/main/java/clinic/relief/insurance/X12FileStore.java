package clinic.relief.insurance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The log of X12 files received (835, 999, 277CA) and sent (837), with their content and what became of them. */
@Repository
class X12FileStore {

    private final JdbcClient jdbc;

    X12FileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(X12File.Received file, X12File.Outcome outcome, String problem, String detail, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into insurance_x12_file (id, kind, source, name, sha256, received_at, outcome, problem, detail,
                    content)
                values (:id, :kind, :source, :name, :sha, :at, :outcome, :problem, :detail, :content)""")
                .param("id", id)
                .param("kind", file.kind().code())
                .param("source", file.source().name())
                .param("name", file.name())
                .param("sha", sha256(file.content()))
                .param("at", utc(at))
                .param("outcome", outcome.name())
                .param("problem", problem.isEmpty() ? null : problem)
                .param("detail", detail)
                .param("content", file.content())
                .update();
        return id;
    }

    void detail(UUID id, String detail) {
        jdbc.sql("update insurance_x12_file set detail = :detail where id = :id")
                .param("detail", detail)
                .param("id", id)
                .update();
    }

    /** The most recent files, newest first, without their content. */
    List<X12File> recent(int limit) {
        return jdbc.sql("""
                select id, kind, source, name, received_at, outcome, coalesce(problem, '') as problem, detail
                from insurance_x12_file order by received_at desc, id limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new X12File(
                        rs.getObject("id", UUID.class),
                        X12File.Kind.of(rs.getString("kind")),
                        X12File.Source.valueOf(rs.getString("source")),
                        rs.getString("name"),
                        rs.getTimestamp("received_at").toInstant(),
                        X12File.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("problem"),
                        rs.getString("detail")))
                .list();
    }

    Optional<X12File.Received> content(UUID id) {
        return jdbc.sql("select kind, source, name, content from insurance_x12_file where id = :id")
                .param("id", id)
                .query((rs, row) -> new X12File.Received(
                        X12File.Kind.of(rs.getString("kind")),
                        X12File.Source.valueOf(rs.getString("source")),
                        rs.getString("name"),
                        rs.getString("content")))
                .optional();
    }

    /** Whether a file with this exact content and kind was received before (from any source). */
    boolean seen(X12File.Received file) {
        return jdbc.sql("select exists (select 1 from insurance_x12_file where sha256 = :sha and kind = :kind)")
                .param("sha", sha256(file.content()))
                .param("kind", file.kind().code())
                .query(Boolean.class)
                .single();
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
