package clinic.relief.booking.store;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import clinic.relief.booking.Slot;
import clinic.relief.clinic.ClinicProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transaction-scoped PostgreSQL advisory locks that queue writers who could collide: one per therapist (both of a
 * couples booking) and room for
 * each clinic day the appointment (with its buffer) touches, one per patient and one per idempotency key. They are
 * taken in ascending key order, so two writers never wait on each other in a cycle; without them two bookings each
 * waiting on the other's uncommitted therapist and room rows deadlock, and PostgreSQL needs a second (its deadlock
 * timeout) to notice, holding both connections. Keying therapists and rooms by day lets bookings on different days
 * proceed side by side; two appointments can only overlap if they share a day, and then they share that day's lock.
 * The exclusion constraints stay the guarantee: a lock only turns a race into a queue, and a hash collision between
 * keys only makes two unrelated writers wait for each other. Must run inside a transaction.
 * <p>
 * The room's row is also share-locked and must still be active: taking a room out of use locks that row for update
 * and counts what holds the room, so a booking either commits first (and is counted) or waits and sees the room
 * gone ({@link RoomWithdrawn}); an appointment never ends up in an inactive room.
 */
@Component
public class BookingLocks {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public BookingLocks(JdbcClient jdbc, ClinicProfile clinic) {
        this.jdbc = jdbc;
        this.zone = clinic.zone();
    }

    /** Waits for, and holds until the transaction ends, the locks of everything {@code slot} would hold. */
    // Speed: see docs/benchmarks.md "Booking throughput through the staff API"
    public void lock(Slot slot, Duration buffer, UUID patientId, String idempotencyKey) {
        // The ordered subquery makes PostgreSQL take the locks in ascending key order.
        Long[] keys = keys(slot, buffer, patientId, idempotencyKey, zone).toArray(Long[]::new);
        if (slot.roomId() == null) {
            jdbc.sql(LOCKS).param("keys", keys).query((rs, row) -> 1).list();
        } else if (!jdbc.sql(LOCKS_AND_ROOM)
                .param("keys", keys)
                .param("room", slot.roomId())
                .query(Boolean.class)
                .optional()
                .orElse(false)) {
            throw new RoomWithdrawn(slot.roomId());
        }
    }

    /** The lock keys in ascending order, the order every writer takes them in. */
    private static final String ORDERED_KEYS = "(select unnest(:keys::bigint[]) as k order by k) ordered";

    private static final String LOCKS = "select pg_advisory_xact_lock(k) from " + ORDERED_KEYS;

    /**
     * The locks, then the room's row share-locked and whether it is still in use (null when it is gone), in one round
     * trip. The subquery refers to the count of locks taken, so it runs only once all of them are held.
     */
    private static final String LOCKS_AND_ROOM = "with locked as (select count(pg_advisory_xact_lock(k)) as taken from "
            + ORDERED_KEYS + ")\nselect (select active from booking_room where id = :room and taken > 0 for share)"
            + " from locked";

    /** The slot's room was taken out of use after the slot was offered: a lost race, like a taken slot. */
    public static final class RoomWithdrawn extends RuntimeException {

        public RoomWithdrawn(UUID room) {
            super("Room " + room + " was taken out of use");
        }
    }

    /** The lock keys of a booking, in the order they are taken. */
    public static SortedSet<Long> keys(Slot slot, Duration buffer, UUID patientId, String idempotencyKey, ZoneId zone) {
        SortedSet<Long> keys = new TreeSet<>();
        LocalDate first = slot.start().atZone(zone).toLocalDate();
        LocalDate last = slot.end().plus(buffer).atZone(zone).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            keys.add(key(slot.therapistId(), day));
            LocalDate on = day;
            slot.secondTherapistId().ifPresent(second -> keys.add(key(second, on)));
            if (slot.roomId() != null) {
                keys.add(key(slot.roomId(), day));
            }
        }
        keys.add(key(Objects.requireNonNull(patientId)));
        if (idempotencyKey != null) {
            keys.add((long) idempotencyKey.hashCode() << 1);
        }
        return keys;
    }

    private static long key(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    private static long key(UUID id, LocalDate day) {
        return key(id) ^ (day.toEpochDay() * 0x9E3779B97F4A7C15L);
    }
}
