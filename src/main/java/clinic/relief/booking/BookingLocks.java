package clinic.relief.booking;

import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transaction-scoped PostgreSQL advisory locks that queue writers who could collide: one per therapist, room,
 * patient and idempotency key of the appointment being written. They are taken in ascending key order, so two
 * writers never wait on each other in a cycle; without them two bookings each waiting on the other's uncommitted
 * therapist and room rows deadlock, and PostgreSQL needs a second (its deadlock timeout) to notice, holding both
 * connections. The exclusion constraints stay the guarantee: a lock only turns a race into a queue, and a hash
 * collision between keys only makes two unrelated writers wait for each other. Must run inside a transaction.
 * <p>
 * The room's row is also share-locked and must still be active: taking a room out of use locks that row for update
 * and counts what holds the room, so a booking either commits first (and is counted) or waits and sees the room
 * gone ({@link RoomWithdrawn}); an appointment never ends up in an inactive room.
 */
@Component
class BookingLocks {

    private final JdbcClient jdbc;

    BookingLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for, and holds until the transaction ends, the locks of everything {@code slot} would hold. */
    void lock(Slot slot, UUID patientId, String idempotencyKey) {
        TreeSet<Long> keys = new TreeSet<>();
        keys.add(key(slot.therapistId()));
        keys.add(key(Objects.requireNonNull(patientId)));
        if (slot.roomId() != null) {
            keys.add(key(slot.roomId()));
        }
        if (idempotencyKey != null) {
            keys.add((long) idempotencyKey.hashCode() << 1);
        }
        for (long key : keys) {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", key).query((rs, row) -> 1).single();
        }
        if (slot.roomId() != null && !jdbc.sql("select active from booking_room where id = :id for share")
                .param("id", slot.roomId()).query(Boolean.class).optional().orElse(false)) {
            throw new RoomWithdrawn(slot.roomId());
        }
    }

    /** The slot's room was taken out of use after the slot was offered: a lost race, like a taken slot. */
    static final class RoomWithdrawn extends RuntimeException {

        RoomWithdrawn(UUID room) {
            super("Room " + room + " was taken out of use");
        }
    }

    private static long key(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }
}
