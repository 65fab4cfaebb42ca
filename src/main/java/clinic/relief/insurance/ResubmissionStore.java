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
     * The payer's claim control number as the claim last heard it: CLP07 of the latest 835 posted to it, or REF*1K of
     * a 277CA (remittance and acknowledgment posting keep it on the claim).
     */
    Optional<String> lastPayerClaimNumber(UUID claimId) {
        return jdbc.sql("""
                select payer_claim_number from insurance_claim where id = :id and payer_claim_number is not null
                """).param("id", claimId).query(String.class).optional().filter(number -> !number.isBlank());
    }
}
