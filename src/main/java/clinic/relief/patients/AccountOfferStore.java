package clinic.relief.patients;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Account offers made to a patient whose address a booking link proved (only each secret's SHA-256 is kept). */
@Repository
class AccountOfferStore {

    record Offer(UUID patientId, String email, Instant expiresAt, Optional<Instant> usedAt) {}

    private final JdbcClient jdbc;

    AccountOfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, UUID patientId, String email, Instant expiresAt, Instant now) {
        jdbc.sql("""
                        insert into patient_account_offer (token_hash, patient_id, email, expires_at, created_at)
                        values (:hash, :patient, :email, :expires, :now)""")
                .param("hash", tokenHash)
                .param("patient", patientId)
                .param("email", email)
                .param("expires", utc(expiresAt))
                .param("now", utc(now))
                .update();
    }

    /** The offer behind the secret, locked for this transaction. */
    Optional<Offer> lock(String tokenHash) {
        return jdbc.sql("""
                        select patient_id, email, expires_at, used_at from patient_account_offer
                        where token_hash = :hash for update""")
                .param("hash", tokenHash)
                .query((rs, n) -> new Offer(
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("email"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("used_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .optional();
    }

    void use(String tokenHash, Instant now) {
        jdbc.sql("update patient_account_offer set used_at = :now where token_hash = :hash")
                .param("now", utc(now))
                .param("hash", tokenHash)
                .update();
    }
}
