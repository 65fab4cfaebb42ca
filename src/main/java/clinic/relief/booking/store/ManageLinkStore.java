package clinic.relief.booking.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** Manage links: only their SHA-256 is stored. */
@Component
public class ManageLinkStore {

    private final JdbcClient jdbc;

    public ManageLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UUID appointmentId, Instant now) {
        jdbc.sql("""
                insert into booking_manage_link (token_hash, appointment_id, created_at)
                values (:hash, :appointment, :now)""")
                .param("hash", tokenHash)
                .param("appointment", appointmentId)
                .param("now", utc(now))
                .update();
    }

    /** The appointment a link opens, if the link was ever issued. */
    public Optional<UUID> appointmentOf(String tokenHash) {
        return jdbc.sql("select appointment_id from booking_manage_link where token_hash = :hash")
                .param("hash", tokenHash)
                .query(UUID.class)
                .optional();
    }
}
