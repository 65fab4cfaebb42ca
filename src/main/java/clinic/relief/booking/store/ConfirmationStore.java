package clinic.relief.booking.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/**
 * The patient's own confirmation of an appointment (by its manage link or a text reply), kept on the appointment and
 * cleared when its time moves. Recording it is a change like any other: it moves the appointment's version on, and
 * only from the version the caller read.
 */
@Repository
public class ConfirmationStore {

    private final JdbcClient jdbc;

    ConfirmationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the confirmation; false (nothing written) unless the appointment is booked at {@code version}. */
    public boolean confirm(UUID appointment, int version, Instant at, String via) {
        return jdbc.sql("""
                        update booking_appointment
                        set patient_confirmed_at = :at, patient_confirmed_via = :via, version = version + 1
                        where id = :id and version = :version and status = 'BOOKED'""")
                        .param("id", appointment)
                        .param("version", version)
                        .param("at", utc(at))
                        .param("via", via)
                        .update()
                == 1;
    }

    /** When each of these appointments that the patient confirmed at its current time was confirmed. */
    public Map<UUID, Instant> confirmedAt(Collection<UUID> appointments) {
        Map<UUID, Instant> confirmed = new HashMap<>();
        if (appointments.isEmpty()) {
            return confirmed;
        }
        jdbc.sql("""
                        select id, patient_confirmed_at from booking_appointment
                        where id = any(:ids::uuid[]) and patient_confirmed_at is not null""").param("ids", appointments.toArray(UUID[]::new)).query(rs -> {
            confirmed.put(
                    rs.getObject("id", UUID.class),
                    rs.getObject("patient_confirmed_at", OffsetDateTime.class).toInstant());
        });
        return confirmed;
    }
}
