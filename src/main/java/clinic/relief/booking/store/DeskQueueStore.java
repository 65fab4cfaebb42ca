package clinic.relief.booking.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import clinic.relief.booking.waitlist.WaitlistOffer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** The front desk's open items that booking keeps: holds whose e-mail is not confirmed, waitlist offers out. */
@Component
public class DeskQueueStore {

    private final JdbcClient jdbc;

    DeskQueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Online bookings still waiting for their e-mail confirmation that start after {@code from}, soonest first. */
    public List<UUID> unconfirmedFrom(Instant from, int limit) {
        return jdbc.sql("""
                select id from booking_appointment where status = 'PENDING' and starts_at >= :from
                order by starts_at limit :limit""")
                .param("from", utc(from))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Offers sent to waiting patients that are still open at {@code now}, the soonest to expire first. */
    public List<WaitlistOffer> openOffers(Instant now, int limit) {
        return jdbc.sql("""
                select o.id, o.entry_id, w.patient_id, w.service_id, w.minutes, o.starts_at, o.therapist_id,
                       o.expires_at, o.status
                from booking_waitlist_offer o join booking_waitlist w on w.id = o.entry_id
                where o.status = 'OPEN' and o.expires_at > :now
                order by o.expires_at limit :limit""")
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, row) -> new WaitlistOffer(
                        rs.getObject("id", UUID.class),
                        rs.getObject("entry_id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("service_id"),
                        rs.getInt("minutes"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("therapist_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getString("status")))
                .list();
    }
}
