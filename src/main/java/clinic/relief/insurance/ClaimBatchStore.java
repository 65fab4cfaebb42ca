package clinic.relief.insurance;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code insurance_claim_batch}: each batch's 837P and the claims held back from it with their gaps. */
@Repository
class ClaimBatchStore {

    private final JdbcClient jdbc;

    ClaimBatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ClaimBatch batch, Instant at) {
        jdbc.sql("""
                insert into insurance_claim_batch (id, interchange, created_at, sent, file)
                values (:id, :interchange, :at, :sent::uuid[], :file)""")
                .param("id", batch.id())
                .param("interchange", batch.interchange().orElse(null))
                .param("at", utc(at))
                .param("sent", batch.sent().toArray(UUID[]::new))
                .param("file", batch.file().orElse(null))
                .update();
        for (ClaimBatch.Held held : batch.held()) {
            jdbc.sql("""
                    insert into insurance_claim_batch_held (batch_id, claim_id, gaps)
                    values (:batch, :claim, :gaps::varchar[])""")
                    .param("batch", batch.id())
                    .param("claim", held.claimId())
                    .param("gaps", held.gaps().stream().map(ClaimGap::name).toArray(String[]::new))
                    .update();
        }
    }

    Optional<ClaimBatch> find(UUID id) {
        List<ClaimBatch.Held> held = jdbc.sql("""
                select h.claim_id, c.number, h.gaps from insurance_claim_batch_held h
                join insurance_claim c on c.id = h.claim_id where h.batch_id = :id order by c.number""")
                .param("id", id)
                .query((rs, row) -> new ClaimBatch.Held(
                        rs.getObject("claim_id", UUID.class), rs.getLong("number"), gaps(rs.getArray("gaps"))))
                .list();
        return jdbc.sql("select id, interchange, sent, file from insurance_claim_batch where id = :id")
                .param("id", id)
                .query((rs, row) -> new ClaimBatch(
                        rs.getObject("id", UUID.class),
                        Optional.ofNullable(rs.getObject("interchange", Long.class)),
                        List.of((UUID[]) rs.getArray("sent").getArray()),
                        Optional.ofNullable(rs.getString("file")),
                        held))
                .optional();
    }

    private static List<ClaimGap> gaps(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(ClaimGap::valueOf).toList();
    }
}
