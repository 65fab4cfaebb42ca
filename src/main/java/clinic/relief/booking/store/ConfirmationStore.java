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

/** Appointments their patient confirmed: when, and how. */
@Repository
public class ConfirmationStore {

    private final JdbcClient jdbc;

    ConfirmationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the confirmation unless the appointment was confirmed before; true when recorded now. */
    public boolean confirm(UUID appointment, Instant at, String source) {
        return jdbc.sql("""
                        insert into booking_appointment_confirmation (appointment_id, confirmed_at, source)
                        values (:id, :at, :source) on conflict (appointment_id) do nothing""")
                        .param("id", appointment)
                        .param("at", utc(at))
                        .param("source", source)
                        .update()
                == 1;
    }

    /** When each of these appointments that was confirmed was confirmed. */
    public Map<UUID, Instant> confirmedAt(Collection<UUID> appointments) {
        Map<UUID, Instant> confirmed = new HashMap<>();
        jdbc.sql("""
                        select appointment_id, confirmed_at from booking_appointment_confirmation
                        where appointment_id = any(:ids::uuid[])""").param("ids", appointments.toArray(UUID[]::new)).query(rs -> {
            confirmed.put(
                    rs.getObject("appointment_id", UUID.class),
                    rs.getObject("confirmed_at", OffsetDateTime.class).toInstant());
        });
        return confirmed;
    }
}
