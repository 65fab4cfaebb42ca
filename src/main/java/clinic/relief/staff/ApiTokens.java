package clinic.relief.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for staff API clients: issued and revoked by the owner, each acting as one staff role. A token is
 * 32 random bytes; only its SHA-256 is stored, so a copy of the database lets nobody in. Thread-safe.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "rlf_";
    /** Last use is written at most this often per token, so a busy client does not write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token just issued: {@code token} is the only time the secret is available. */
    public record Issued(UUID id, String token) {
    }

    /** What a valid token authenticates as. */
    record Holder(UUID id, String name, StaffRole role) {
    }

    @Transactional
    public Issued issue(String name, StaffRole role, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into staff_api_token (id, name, role, token_sha256, created_by, created_at)
                values (:id, :name, :role, :hash, :by, :now)""")
                .param("id", id).param("name", name.strip()).param("role", role.name()).param("hash", sha256(token))
                .param("by", createdBy).param("now", utc(clock.instant())).update();
        return new Issued(id, token);
    }

    /** Revokes the token (it stops working at once); revoking twice changes nothing. */
    @Transactional
    public void revoke(UUID id) {
        jdbc.sql("update staff_api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", id).param("now", utc(clock.instant())).update();
    }

    /** Revokes every live token with this name (the demo replaces its token at each start). */
    @Transactional
    public void revokeNamed(String name) {
        jdbc.sql("update staff_api_token set revoked_at = :now where name = :name and revoked_at is null")
                .param("name", name).param("now", utc(clock.instant())).update();
    }

    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return jdbc.sql("""
                select id, name, role, created_by, created_at, last_used_at, revoked_at from staff_api_token
                order by revoked_at nulls first, created_at desc""")
                .query((rs, row) -> new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"),
                        StaffRole.valueOf(rs.getString("role")), rs.getString("created_by"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list();
    }

    /**
     * The holder of a live token, noting its use to the minute; empty for an unknown or revoked token. One query for
     * nearly every request: the use is written only when the last one noted is a minute old.
     */
    Optional<Holder> authenticate(String token) {
        Instant now = clock.instant();
        Instant stale = now.minus(LAST_USED_PRECISION);
        Optional<Use> use = jdbc.sql("""
                select id, name, role, last_used_at from staff_api_token
                where token_sha256 = :hash and revoked_at is null""")
                .param("hash", sha256(token))
                .query((rs, row) -> new Use(new Holder(rs.getObject("id", UUID.class), rs.getString("name"),
                        StaffRole.valueOf(rs.getString("role"))), instant(rs.getObject("last_used_at",
                        OffsetDateTime.class))))
                .optional();
        use.filter(u -> u.lastUsed() == null || u.lastUsed().isBefore(stale)).ifPresent(u -> jdbc.sql("""
                update staff_api_token set last_used_at = :now
                where id = :id and (last_used_at is null or last_used_at < :stale)""")
                .param("id", u.holder().id()).param("now", utc(now)).param("stale", utc(stale))
                .update());
        return use.map(Use::holder);
    }

    private record Use(Holder holder, Instant lastUsed) {
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
