package clinic.relief.booking.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** Remembers which appointment a client's {@code Idempotency-Key} booked, in the booking's own transaction. */
@Component
public class IdempotencyKeys {

    /** The request header that carries a client's key. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key kept (the column's width). */
    public static final int MAX_LENGTH = 100;

    private final JdbcClient jdbc;

    public IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key longer than {@link #MAX_LENGTH}: refused before anything is read or written. */
    public static class TooLong extends RuntimeException {

        public TooLong() {
            super("Idempotency key longer than " + MAX_LENGTH + " characters");
        }
    }

    /** A key that is empty or only spaces: it would name nothing, so it is refused rather than taken as no key. */
    public static class Blank extends RuntimeException {

        public Blank() {
            super("Blank idempotency key");
        }
    }

    /** The key (null when the client sent none), or {@link TooLong} or {@link Blank}. */
    public static String checked(String key) {
        if (key != null && key.length() > MAX_LENGTH) {
            throw new TooLong();
        }
        if (key != null && key.isBlank()) {
            throw new Blank();
        }
        return key;
    }

    /** A concurrent request with the same key committed first. */
    public static class Reused extends RuntimeException {

        public Reused(Throwable cause) {
            super("Idempotency key used by a concurrent request", cause);
        }
    }

    public Optional<UUID> find(String key) {
        return jdbc.sql("select appointment_id from booking_idempotency where key = :key")
                .param("key", key)
                .query(UUID.class)
                .optional();
    }

    public void remember(String key, UUID appointmentId, Instant now) {
        try {
            jdbc.sql("insert into booking_idempotency (key, appointment_id, created_at) values (:key, :id, :now)")
                    .param("key", key)
                    .param("id", appointmentId)
                    .param("now", utc(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Reused(e);
        }
    }
}
