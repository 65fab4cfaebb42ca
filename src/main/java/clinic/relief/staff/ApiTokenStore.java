package clinic.relief.staff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code staff_api_token}; a token is found by its SHA-256, never by the secret itself. */
@Repository
class ApiTokenStore {

    /** A live token's holder and when the token was last noted in use. */
    record Use(ApiTokens.Holder holder, Instant lastUsed) {}

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String name, StaffRole role, String sha256, String createdBy, Instant at) {
        jdbc.sql("""
                insert into staff_api_token (id, name, role, token_sha256, created_by, created_at)
                values (:id, :name, :role, :hash, :by, :now)""")
                .param("id", id)
                .param("name", name)
                .param("role", role.name())
                .param("hash", sha256)
                .param("by", createdBy)
                .param("now", utc(at))
                .update();
    }

    void revoke(UUID id, Instant at) {
        jdbc.sql("update staff_api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", id)
                .param("now", utc(at))
                .update();
    }

    void revokeNamed(String name, Instant at) {
        jdbc.sql("update staff_api_token set revoked_at = :now where name = :name and revoked_at is null")
                .param("name", name)
                .param("now", utc(at))
                .update();
    }

    List<ApiToken> all() {
        return jdbc.sql("""
                select id, name, role, created_by, created_at, last_used_at, revoked_at from staff_api_token
                order by revoked_at nulls first, created_at desc""")
                .query((rs, row) -> new ApiToken(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getString("created_by"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list();
    }

    /** The live (not revoked) token with this hash. */
    Optional<Use> live(String sha256) {
        return jdbc.sql("""
                select id, name, role, last_used_at from staff_api_token
                where token_sha256 = :hash and revoked_at is null""")
                .param("hash", sha256)
                .query((rs, row) -> new Use(
                        new ApiTokens.Holder(
                                rs.getObject("id", UUID.class),
                                rs.getString("name"),
                                StaffRole.valueOf(rs.getString("role"))),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .optional();
    }

    /** Notes the token's use at {@code now}, unless a use since {@code stale} is noted already. */
    void noteUse(UUID id, Instant now, Instant stale) {
        jdbc.sql("""
                update staff_api_token set last_used_at = :now
                where id = :id and (last_used_at is null or last_used_at < :stale)""")
                .param("id", id)
                .param("now", utc(now))
                .param("stale", utc(stale))
                .update();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
