package clinic.relief.payments;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Stripe events handled, by their id, so that a replayed or repeated event has no second effect. */
@Repository
class EventStore {

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean seen(String eventId) {
        return jdbc.sql("select exists (select 1 from payments_webhook_event where id = :id)")
                .param("id", eventId)
                .query(Boolean.class)
                .single();
    }

    /** Stores the event as handled; false if it was stored already. */
    boolean handled(String eventId, String type, Instant at) {
        return jdbc.sql("""
                        insert into payments_webhook_event (id, type, received_at) values (:id, :type, :at)
                        on conflict (id) do nothing
                        """)
                        .param("id", eventId)
                        .param("type", type)
                        .param("at", utc(at))
                        .update()
                == 1;
    }
}
