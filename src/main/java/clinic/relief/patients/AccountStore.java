package clinic.relief.patients;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Rows of {@code patient_account}, its confirmation links ({@code patient_account_token}) and its password reset
 * links ({@code patient_password_reset}). Links are found by the SHA-256 of their token, never by the token.
 */
@Repository
class AccountStore {

    /** A confirmation link: the account's e-mail and the link's state. */
    record ConfirmationLink(String email, OffsetDateTime expiresAt, OffsetDateTime usedAt) {}

    /** A password reset link: its account and the link's state. */
    record ResetLink(UUID accountId, String email, OffsetDateTime expiresAt, OffsetDateTime usedAt) {}

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PatientAccounts.Account> byEmail(String email) {
        return jdbc.sql("""
                select id, email, password_hash, first_name, last_name, phone, language, patient_id,
                       verified_at is not null as verified
                from patient_account where lower(email) = lower(:email)
                """)
                .param("email", email)
                .query(PatientAccounts.Account.class)
                .optional();
    }

    /** Creates the account, or starts an unconfirmed one over with these details. */
    void upsert(UUID id, SignUp form, String passwordHash, String language, Instant at) {
        jdbc.sql("""
                insert into patient_account (id, email, password_hash, first_name, last_name, phone, language,
                                             created_at)
                values (:id, :email, :hash, :first, :last, :phone, :language, :now)
                on conflict (id) do update set password_hash = excluded.password_hash,
                    first_name = excluded.first_name, last_name = excluded.last_name, phone = excluded.phone,
                    language = excluded.language
                """)
                .param("id", id)
                .param("email", form.email())
                .param("hash", passwordHash)
                .param("first", form.firstName())
                .param("last", form.lastName())
                .param("phone", form.phone())
                .param("language", language)
                .param("now", utc(at))
                .update();
    }

    void verify(UUID id, UUID patientId, Instant at) {
        jdbc.sql("update patient_account set verified_at = :now, patient_id = :patient where id = :id")
                .param("now", utc(at))
                .param("patient", patientId)
                .param("id", id)
                .update();
    }

    void setPassword(UUID id, String passwordHash) {
        jdbc.sql("update patient_account set password_hash = :hash where id = :id")
                .param("hash", passwordHash)
                .param("id", id)
                .update();
    }

    void insertConfirmationLink(String tokenHash, UUID accountId, Instant expiresAt, Instant at) {
        jdbc.sql("""
                insert into patient_account_token (token_hash, account_id, expires_at, created_at)
                values (:hash, :id, :expires, :now)
                """)
                .param("hash", tokenHash)
                .param("id", accountId)
                .param("expires", utc(expiresAt))
                .param("now", utc(at))
                .update();
    }

    /** Spends every unused confirmation link of the account. */
    void spendConfirmationLinks(UUID accountId, Instant at) {
        jdbc.sql("update patient_account_token set used_at = :now where account_id = :id and used_at is null")
                .param("now", utc(at))
                .param("id", accountId)
                .update();
    }

    void spendConfirmationLink(String tokenHash, Instant at) {
        jdbc.sql("update patient_account_token set used_at = :now where token_hash = :hash")
                .param("now", utc(at))
                .param("hash", tokenHash)
                .update();
    }

    Optional<ConfirmationLink> confirmationLink(String tokenHash) {
        return jdbc.sql("""
                select a.email, t.expires_at, t.used_at from patient_account_token t
                join patient_account a on a.id = t.account_id where t.token_hash = :hash""")
                .param("hash", tokenHash)
                .query(ConfirmationLink.class)
                .optional();
    }

    /** The link, locked (its row only) until the transaction ends. */
    Optional<ConfirmationLink> lockConfirmationLink(String tokenHash) {
        return jdbc.sql("""
                select a.email, t.expires_at, t.used_at from patient_account_token t
                join patient_account a on a.id = t.account_id where t.token_hash = :hash for update of t""")
                .param("hash", tokenHash)
                .query(ConfirmationLink.class)
                .optional();
    }

    void insertResetLink(String tokenHash, UUID accountId, Instant expiresAt, Instant at) {
        jdbc.sql("""
                insert into patient_password_reset (token_hash, account_id, expires_at, created_at)
                values (:hash, :id, :expires, :now)
                """)
                .param("hash", tokenHash)
                .param("id", accountId)
                .param("expires", utc(expiresAt))
                .param("now", utc(at))
                .update();
    }

    int resetLinksSince(UUID accountId, Instant since) {
        return jdbc.sql("select count(*) from patient_password_reset where account_id = :id and created_at > :since")
                .param("id", accountId)
                .param("since", utc(since))
                .query(Integer.class)
                .single();
    }

    /** Spends every unused reset link of the account. */
    void spendResetLinks(UUID accountId, Instant at) {
        jdbc.sql("update patient_password_reset set used_at = :now where account_id = :id and used_at is null")
                .param("now", utc(at))
                .param("id", accountId)
                .update();
    }

    Optional<ResetLink> resetLink(String tokenHash) {
        return jdbc.sql("""
                select r.account_id, a.email, r.expires_at, r.used_at from patient_password_reset r
                join patient_account a on a.id = r.account_id where r.token_hash = :hash""").param("hash", tokenHash).query(ResetLink.class).optional();
    }

    /** The link with its account's row, locked until the transaction ends. */
    Optional<ResetLink> lockResetLink(String tokenHash) {
        return jdbc.sql("""
                select r.account_id, a.email, r.expires_at, r.used_at from patient_password_reset r
                join patient_account a on a.id = r.account_id where r.token_hash = :hash for update""").param("hash", tokenHash).query(ResetLink.class).optional();
    }
}
