package clinic.relief.booking.store;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.CancelReason;
import clinic.relief.booking.Cancellation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The desk's cancellations: reason, note, fee waived or not, who and when. */
@Repository
public class CancellationStore {

    private final JdbcClient jdbc;

    CancellationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID appointment, Cancellation cancellation) {
        jdbc.sql("""
                insert into booking_cancellation (appointment_id, reason, note, fee_waived, cancelled_by, cancelled_at)
                values (:id, :reason, :note, :waived, :by, :at)""")
                .param("id", appointment)
                .param("reason", cancellation.reason().name())
                .param("note", cancellation.note())
                .param("waived", cancellation.feeWaived())
                .param("by", cancellation.by())
                .param("at", utc(cancellation.at()))
                .update();
    }

    public Optional<Cancellation> of(UUID appointment) {
        return Optional.ofNullable(of(List.of(appointment)).get(appointment));
    }

    /** The cancellations the desk recorded for any of these appointments, by appointment. */
    public Map<UUID, Cancellation> of(Collection<UUID> appointments) {
        Map<UUID, Cancellation> found = new HashMap<>();
        jdbc.sql("""
                select appointment_id, reason, note, fee_waived, cancelled_by, cancelled_at from booking_cancellation
                where appointment_id = any(:ids::uuid[])""").param("ids", appointments.toArray(UUID[]::new)).query(rs -> {
            found.put(
                    rs.getObject("appointment_id", UUID.class),
                    new Cancellation(
                            CancelReason.valueOf(rs.getString("reason")),
                            rs.getString("note"),
                            rs.getBoolean("fee_waived"),
                            rs.getString("cancelled_by"),
                            rs.getObject("cancelled_at", OffsetDateTime.class).toInstant()));
        });
        return found;
    }
}
