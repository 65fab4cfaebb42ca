package clinic.relief.booking.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Manage links (only their SHA-256 is stored) and the patient's own confirmation of an appointment. The confirmation
 * is a change like any other: it moves the appointment's version on, and only from the version the patient saw.
 */
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

    /** Records the patient's confirmation; false (nothing written) unless the appointment is booked at {@code version}. */
    public boolean confirmByPatient(UUID appointmentId, int version, Instant now) {
        return jdbc.sql("""
                        update booking_appointment set patient_confirmed_at = :now, version = version + 1
                        where id = :id and version = :version and status = 'BOOKED'""")
                        .param("now", utc(now))
                        .param("id", appointmentId)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** When the patient confirmed the appointment at its current time, if they did. */
    public Optional<Instant> confirmedAt(UUID appointmentId) {
        return jdbc.sql("select patient_confirmed_at from booking_appointment where id = :id")
                .param("id", appointmentId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .map(OffsetDateTime::toInstant);
    }
}
