package clinic.relief.insurance;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code insurance_claim_resubmission}, and the payer's claim number its latest posted 835 gave. */
@Repository
class ResubmissionStore {

    private final JdbcClient jdbc;

    ResubmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Resubmission> of(UUID claimId) {
        return jdbc.sql("""
                select frequency, payer_claim_number from insurance_claim_resubmission where claim_id = :id""")
                .param("id", claimId)
                .query((rs, row) -> new Resubmission(
                        Resubmission.Kind.ofFrequency(rs.getString("frequency")), rs.getString("payer_claim_number")))
                .optional();
    }

    void save(UUID claimId, Resubmission r, String by, Instant at) {
        jdbc.sql("""
                insert into insurance_claim_resubmission (claim_id, frequency, payer_claim_number, requested_at,
                    requested_by)
                values (:id, :frequency, :number, :at, :by)
                on conflict (claim_id) do update set frequency = excluded.frequency,
                    payer_claim_number = excluded.payer_claim_number, requested_at = excluded.requested_at,
                    requested_by = excluded.requested_by""")
                .param("id", claimId)
                .param("frequency", r.kind().frequency())
                .param("number", r.payerClaimNumber())
                .param("at", utc(at))
                .param("by", by)
                .update();
    }

    /**
     * The payer's claim control number (CLP07) of the latest 835 payment posted to the claim: remittance posting
     * keeps it as the third part of each payment's reference (trace / claim / payer claim / status).
     */
    Optional<String> lastPayerClaimNumber(UUID claimId) {
        return jdbc.sql("""
                select split_part(reference, '/', 3) from insurance_claim_payment where claim_id = :id
                order by posted_at desc limit 1""").param("id", claimId).query(String.class).optional().filter(number -> !number.isBlank());
    }
}
