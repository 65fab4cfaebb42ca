package clinic.relief.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code payments_card_link}: e-mailed links to add a card, by the SHA-256 of their token. */
@Repository
class CardLinkStore {

    private final JdbcClient jdbc;

    CardLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, UUID patientId, Instant at, Instant expires) {
        jdbc.sql("""
                insert into payments_card_link (token_hash, patient_id, created_at, expires_at)
                values (:h, :p, :at, :expires)
                """)
                .param("h", tokenHash)
                .param("p", patientId)
                .param("at", utc(at))
                .param("expires", utc(expires))
                .update();
    }

    /** The patient of a link that is neither used nor expired at {@code now}. */
    Optional<UUID> usable(String tokenHash, Instant now) {
        return jdbc.sql("""
                select patient_id from payments_card_link
                where token_hash = :h and used_at is null and expires_at > :now
                """)
                .param("h", tokenHash)
                .param("now", utc(now))
                .query(UUID.class)
                .optional();
    }

    /** Spends every link of the patient (a card was saved). */
    void spend(UUID patientId, Instant at) {
        jdbc.sql("update payments_card_link set used_at = :at where patient_id = :p and used_at is null")
                .param("p", patientId)
                .param("at", utc(at))
                .update();
    }
}
