package clinic.relief.booking.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/** Waitlist offers, and the entries they go to, as {@link WaitlistOffers} and {@link WaitlistReturns} use them. */
@Component
class WaitlistOfferStore {

    private final JdbcClient jdbc;

    WaitlistOfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A freed span of a therapist, from an expired offer. */
    record Freed(UUID therapist, Instant from, Instant to) {}

    /**
     * The oldest waiting requests (at most 50) whose days include {@code day} and whose therapist, if any, is
     * {@code therapist}, that have no open offer, have not had this freed span, nor claimed a time of this therapist
     * inside it.
     */
    List<WaitlistEntry> waitingFor(LocalDate day, UUID therapist, Instant freeFrom, Instant freeTo) {
        return jdbc.sql("""
                        select id, patient_id, service_id, minutes, first_day, last_day, part_of_day, therapist_id,
                               status, created_at
                        from booking_waitlist w
                        where status = 'WAITING' and first_day <= :day and last_day >= :day
                          and (therapist_id is null or therapist_id = :therapist) and not exists
                          (select 1 from booking_waitlist_offer o where o.entry_id = w.id and (o.status = 'OPEN'
                           or (o.free_from = :from and o.free_to = :to) or (o.status = 'CLAIMED' and
                           o.therapist_id = :therapist and o.starts_at >= :from and o.starts_at < :to)))
                        order by created_at limit 50""")
                .param("day", day)
                .param("therapist", therapist)
                .param("from", utc(freeFrom))
                .param("to", utc(freeTo))
                .query(WaitlistStore::entry)
                .list();
    }

    boolean hasOpenOffer(UUID entryId) {
        return jdbc.sql("select 1 from booking_waitlist_offer where entry_id = :id and status = 'OPEN'")
                .param("id", entryId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Offers {@code start} with {@code therapist} to the entry, for the freed span, until {@code expires}. */
    void insertOpen(
            UUID entryId,
            String tokenHash,
            Instant start,
            UUID therapist,
            Instant freeFrom,
            Instant freeTo,
            Instant expires,
            Instant now) {
        jdbc.sql("""
                insert into booking_waitlist_offer (id, entry_id, token_hash, starts_at, therapist_id, free_from,
                                                    free_to, expires_at, status, created_at)
                values (:id, :entry, :hash, :start, :therapist, :from, :to, :expires, 'OPEN', :now)
                """)
                .param("id", UUID.randomUUID())
                .param("entry", entryId)
                .param("hash", tokenHash)
                .param("start", utc(start))
                .param("therapist", therapist)
                .param("from", utc(freeFrom))
                .param("to", utc(freeTo))
                .param("expires", utc(expires))
                .param("now", utc(now))
                .update();
    }

    /**
     * Expires the open offers due by {@code now}, skipping those another transaction has locked, and returns the
     * spans they had freed.
     */
    List<Freed> expireDue(Instant now) {
        return jdbc.sql("""
                update booking_waitlist_offer set status = 'EXPIRED'
                where id in (select id from booking_waitlist_offer where status = 'OPEN' and expires_at <= :now
                             for update skip locked)
                returning therapist_id, free_from, free_to
                """)
                .param("now", utc(now))
                .query((rs, row) -> new Freed(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Locks the appointment's row until the transaction ends; whether it is not cancelled. */
    boolean lockAppointmentIsLive(UUID appointment) {
        return jdbc.sql("select status <> 'CANCELLED' from booking_appointment where id = :id for update")
                .param("id", appointment)
                .query(Boolean.class)
                .single();
    }

    /** The appointment a claimed offer booked, while it is booked or awaits the desk's decision. */
    record Claimed(UUID appointment, boolean requested) {}

    /** What a {@code CLAIMED} offer booked, if that appointment is still booked or still a request. */
    Optional<Claimed> claimed(UUID offerId) {
        return jdbc.sql("""
                select a.id, a.status = 'REQUESTED' as requested
                from booking_waitlist_offer o join booking_appointment a on a.id = o.appointment_id
                where o.id = :id and o.status = 'CLAIMED' and a.status in ('BOOKED', 'REQUESTED')
                """)
                .param("id", offerId)
                .query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getBoolean("requested")))
                .optional();
    }

    /** Records the offer's end ({@code CLAIMED} or {@code TAKEN}) and the appointment it claimed, if any. */
    void close(UUID offerId, String status, @Nullable UUID appointment) {
        jdbc.sql("update booking_waitlist_offer set status = :s, appointment_id = :a where id = :id")
                .param("s", status)
                .param("a", appointment)
                .param("id", offerId)
                .update();
    }

    /** The entry is BOOKED, if it was still waiting. */
    void markEntryBooked(UUID entryId) {
        jdbc.sql("update booking_waitlist set status = 'BOOKED' where id = :id and status = 'WAITING'")
                .param("id", entryId)
                .update();
    }

    /** The offer whose token has this hash, with its entry's request. */
    Optional<WaitlistOffer> find(String tokenHash) {
        return jdbc.sql("""
                select o.id, o.entry_id, w.patient_id, w.service_id, w.minutes, o.starts_at, o.therapist_id,
                       o.expires_at, o.status
                from booking_waitlist_offer o join booking_waitlist w on w.id = o.entry_id
                where o.token_hash = :hash
                """)
                .param("hash", tokenHash)
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
                .optional();
    }

    /**
     * The entry that claimed this appointment through an offer waits again, if it is BOOKED and its last day is not
     * before {@code today}; the number of entries changed (0 or 1).
     */
    int waitAgain(UUID appointment, LocalDate today) {
        return jdbc.sql("""
                update booking_waitlist w set status = 'WAITING'
                from booking_waitlist_offer o
                where o.appointment_id = :appointment and o.status = 'CLAIMED' and w.id = o.entry_id
                  and w.status = 'BOOKED' and w.last_day >= :today
                """)
                .param("appointment", appointment)
                .param("today", today)
                .update();
    }
}
