package clinic.relief.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    private final ApiTokenStore store;
    private final Clock clock;

    ApiTokens(ApiTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A token just issued: {@code token} is the only time the secret is available. */
    public record Issued(UUID id, String token) {}

    /** What a valid token authenticates as: it acts as a signed-in member of {@code role}. */
    public record Holder(UUID id, String name, StaffRole role) {}

    @Transactional
    public Issued issue(String name, StaffRole role, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        store.insert(id, name.strip(), role, sha256(token), createdBy, clock.instant());
        return new Issued(id, token);
    }

    /** Revokes the token (it stops working at once); revoking twice changes nothing. */
    @Transactional
    public void revoke(UUID id) {
        store.revoke(id, clock.instant());
    }

    /** Revokes every live token with this name (the demo replaces its token at each start). */
    @Transactional
    public void revokeNamed(String name) {
        store.revokeNamed(name, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return store.all();
    }

    /**
     * The holder of a live token, noting its use to the minute; empty for an unknown or revoked token. One query for
     * nearly every request: the use is written only when the last one noted is a minute old.
     */
    public Optional<Holder> authenticate(String token) {
        Instant now = clock.instant();
        Instant stale = now.minus(LAST_USED_PRECISION);
        Optional<ApiTokenStore.Use> use = store.live(sha256(token));
        use.filter(u -> u.lastUsed() == null || u.lastUsed().isBefore(stale))
                .ifPresent(u -> store.noteUse(u.holder().id(), now, stale));
        return use.map(ApiTokenStore.Use::holder);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
