package clinic.relief.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code payments_authentication_link}: the links to confirm a payment, by the SHA-256 of their token. */
@Repository
class AuthenticationLinkStore {

    /** What a link pays. */
    record Link(AuthenticationSubject.Kind kind, UUID subjectId) {}

    private final JdbcClient jdbc;

    AuthenticationLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            String hash, AuthenticationSubject.Kind kind, UUID subjectId, UUID patientId, Instant at, Instant expires) {
        jdbc.sql("""
                insert into payments_authentication_link (link_hash, kind, subject_id, patient_id, created_at,
                                                          expires_at)
                values (:h, :kind, :s, :p, :at, :expires)
                """)
                .param("h", hash)
                .param("kind", kind.name())
                .param("s", subjectId)
                .param("p", patientId)
                .param("at", utc(at))
                .param("expires", utc(expires))
                .update();
    }

    /** What a link not expired at {@code now} pays. */
    Optional<Link> usable(String hash, Instant now) {
        return jdbc.sql("""
                select kind, subject_id from payments_authentication_link
                where link_hash = :h and expires_at > :now
                """)
                .param("h", hash)
                .param("now", utc(now))
                .query((rs, n) -> new Link(
                        AuthenticationSubject.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("subject_id", UUID.class)))
                .optional();
    }

    /** Whether a link to the subject was issued (the desk is told the patient has one). */
    boolean issued(AuthenticationSubject.Kind kind, UUID subjectId) {
        return jdbc.sql("""
                select exists (select 1 from payments_authentication_link where kind = :kind and subject_id = :s)
                """)
                .param("kind", kind.name())
                .param("s", subjectId)
                .query(Boolean.class)
                .single();
    }
}
