package clinic.relief.booking.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code booking_online_hold}: the holds of visitors' online bookings ({@link OnlineHolds}). */
@Repository
class OnlineHoldStore {

    private final JdbcClient jdbc;

    OnlineHoldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open hold behind a link. */
    record Hold(
            UUID appointmentId,
            String email,
            Instant expiresAt,
            Instant confirmedAt,
            Instant expiredAt,
            Optional<String> textsPhone,
            Optional<ZoneId> textsZone) {}

    /** Stores the hold of an appointment confirmed by the link whose token hashes to {@code tokenHash}. */
    void insert(
            UUID appointmentId,
            String email,
            String tokenHash,
            Instant expiresAt,
            Instant now,
            Optional<String> textsPhone,
            Optional<ZoneId> textsZone) {
        jdbc.sql("""
                insert into booking_online_hold
                    (appointment_id, email, token_hash, expires_at, created_at, texts_phone, texts_zone)
                values (:id, :email, :hash, :expires, :now, :textsPhone, :textsZone)
                """)
                .param("id", appointmentId)
                .param("textsPhone", textsPhone.orElse(null))
                .param("textsZone", textsZone.map(ZoneId::getId).orElse(null))
                .param("email", email)
                .param("hash", tokenHash)
                .param("expires", utc(expiresAt))
                .param("now", utc(now))
                .update();
    }

    /** Stores the hold of an appointment that a paid deposit confirms (its token is never sent). */
    void insertForDeposit(
            UUID appointmentId,
            String email,
            String tokenHash,
            Instant expiresAt,
            Instant now,
            Optional<String> textsPhone,
            Optional<ZoneId> textsZone) {
        jdbc.sql("""
                insert into booking_online_hold
                    (appointment_id, email, token_hash, expires_at, created_at, texts_phone, texts_zone,
                     paid_by_deposit)
                values (:id, :email, :hash, :expires, :now, :textsPhone, :textsZone, true)
                """)
                .param("id", appointmentId)
                .param("email", email)
                .param("hash", tokenHash)
                .param("expires", utc(expiresAt))
                .param("now", utc(now))
                .param("textsPhone", textsPhone.orElse(null))
                .param("textsZone", textsZone.map(ZoneId::getId).orElse(null))
                .update();
    }

    /** Locks the appointment's open deposit hold for the caller's transaction; whether there is one. */
    boolean lockOpenDepositHold(UUID appointmentId) {
        return jdbc.sql("""
                select 1 from booking_online_hold
                where appointment_id = :id and paid_by_deposit and confirmed_at is null and expired_at is null
                for update
                """)
                .param("id", appointmentId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** The appointment's deposit hold, which must exist. */
    Hold depositHold(UUID appointmentId) {
        return jdbc.sql("""
                select appointment_id, email, expires_at, confirmed_at, expired_at, texts_phone, texts_zone
                from booking_online_hold where appointment_id = :id and paid_by_deposit
                """)
                .param("id", appointmentId)
                .query(OnlineHoldStore::hold)
                .single();
    }

    /** Marks the appointment's hold confirmed at {@code now}. */
    void markConfirmed(UUID appointmentId, Instant now) {
        jdbc.sql("update booking_online_hold set confirmed_at = :now where appointment_id = :id")
                .param("now", utc(now))
                .param("id", appointmentId)
                .update();
    }

    /** Ends the appointment's deposit hold at {@code now} if it is still open. */
    void markDepositHoldExpired(UUID appointmentId, Instant now) {
        jdbc.sql("""
                update booking_online_hold set expired_at = :now
                where appointment_id = :id and paid_by_deposit and confirmed_at is null and expired_at is null
                """).param("now", utc(now)).param("id", appointmentId).update();
    }

    /** The address given with the appointment's deposit hold. */
    Optional<String> depositPayerEmail(UUID appointmentId) {
        return jdbc.sql("select email from booking_online_hold where appointment_id = :id and paid_by_deposit")
                .param("id", appointmentId)
                .query(String.class)
                .optional();
    }

    /** The hold behind the link whose token hashes to {@code tokenHash}. */
    Optional<Hold> byToken(String tokenHash) {
        return jdbc.sql("""
                        select appointment_id, email, expires_at, confirmed_at, expired_at, texts_phone, texts_zone
                        from booking_online_hold
                        where token_hash = :hash""")
                .param("hash", tokenHash)
                .query(OnlineHoldStore::hold)
                .optional();
    }

    /** As {@link #byToken}, the row locked for the caller's transaction. */
    Optional<Hold> lockByToken(String tokenHash) {
        return jdbc.sql("""
                        select appointment_id, email, expires_at, confirmed_at, expired_at, texts_phone, texts_zone
                        from booking_online_hold
                        where token_hash = :hash for update""")
                .param("hash", tokenHash)
                .query(OnlineHoldStore::hold)
                .optional();
    }

    /**
     * Up to 100 unconfirmed link holds (not deposit holds) whose time was up at {@code now}, soonest first, locked
     * for the caller's transaction; rows another transaction holds are skipped.
     */
    List<UUID> lockDueToExpire(Instant now) {
        return jdbc.sql("""
                select appointment_id from booking_online_hold
                where confirmed_at is null and expired_at is null and expires_at <= :now and not paid_by_deposit
                order by expires_at limit 100 for update skip locked
                """).param("now", utc(now)).query(UUID.class).list();
    }

    /** Locks the appointment's hold for the caller's transaction if it is open (neither confirmed nor ended). */
    boolean lockOpen(UUID appointmentId) {
        return jdbc.sql("""
                        select 1 from booking_online_hold where appointment_id = :id
                         and confirmed_at is null and expired_at is null for update""")
                .param("id", appointmentId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Ends the appointment's hold at {@code now}, released {@code by} a staff member or, when null, expired. */
    void markExpired(UUID appointmentId, Instant now, @Nullable String releasedBy) {
        jdbc.sql("update booking_online_hold set expired_at = :now, released_by = :by where appointment_id = :id")
                .param("now", utc(now))
                .param("by", releasedBy)
                .param("id", appointmentId)
                .update();
    }

    private static Hold hold(ResultSet rs, int row) throws SQLException {
        return new Hold(
                rs.getObject("appointment_id", UUID.class),
                rs.getString("email"),
                instant(rs.getObject("expires_at", OffsetDateTime.class)),
                instant(rs.getObject("confirmed_at", OffsetDateTime.class)),
                instant(rs.getObject("expired_at", OffsetDateTime.class)),
                Optional.ofNullable(rs.getString("texts_phone")),
                Optional.ofNullable(rs.getString("texts_zone")).map(ZoneId::of));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
