package clinic.relief.insurance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Rows of {@code insurance_claim_export_set}: the interchange, group and set control numbers each exported claim went
 * out under, which a 999's AK1 (group) and AK2 (set) name.
 */
@Repository
class ClaimExportStore {

    /** Where one claim went: ISA13, GS06 and ST02 of its 837P. */
    record Sent(long interchange, long group, String set) {}

    private final JdbcClient jdbc;

    ClaimExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the claims of each set of one interchange; {@code batchId} empty for one claim's download. */
    void insert(long interchange, long group, List<List<UUID>> sets, Optional<UUID> batchId, Instant at) {
        for (int i = 0; i < sets.size(); i++) {
            for (UUID claimId : sets.get(i)) {
                jdbc.sql("""
                        insert into insurance_claim_export_set
                            (interchange, group_control, set_control, claim_id, batch_id, exported_at)
                        values (:interchange, :group, :set, :claim, :batch, :at)""")
                        .param("interchange", interchange)
                        .param("group", group)
                        .param("set", Claim837Writer.setControl(i))
                        .param("claim", claimId)
                        .param("batch", batchId.orElse(null))
                        .param("at", utc(at))
                        .update();
            }
        }
    }

    /** The claims a group's set carried (a 999's AK1 and AK2), in the order they were written; none when unknown. */
    List<UUID> claimsOf(long group, String set) {
        return jdbc.sql("""
                select e.claim_id from insurance_claim_export_set e join insurance_claim c on c.id = e.claim_id
                where e.group_control = :group and e.set_control = :set order by c.number""")
                .param("group", group)
                .param("set", set)
                .query(UUID.class)
                .list();
    }

    /** The claims of every set of a group (a 999 rejecting the whole group); none when unknown. */
    List<UUID> claimsOf(long group) {
        return jdbc.sql("""
                select e.claim_id from insurance_claim_export_set e join insurance_claim c on c.id = e.claim_id
                where e.group_control = :group order by e.set_control, c.number""").param("group", group).query(UUID.class).list();
    }

    /** Each export of the claim, latest first. */
    List<Sent> sentOf(UUID claimId) {
        return jdbc.sql("""
                select interchange, group_control, set_control from insurance_claim_export_set
                where claim_id = :claim order by exported_at desc, interchange desc""")
                .param("claim", claimId)
                .query((rs, row) ->
                        new Sent(rs.getLong("interchange"), rs.getLong("group_control"), rs.getString("set_control")))
                .list();
    }
}
