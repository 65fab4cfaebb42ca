package clinic.relief.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import clinic.relief.booking.store.BookingLocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookingLocksTests {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Duration BUFFER = Duration.ofMinutes(15);

    private final UUID therapist = UUID.randomUUID();
    private final UUID room = UUID.randomUUID();

    @Test
    void bookingsOfOneTherapistOnDifferentDaysShareNoLock() {
        SortedSet<Long> monday = keys(slot("2026-12-07T10:00:00-08:00", 60), UUID.randomUUID());
        SortedSet<Long> tuesday = keys(slot("2026-12-08T10:00:00-08:00", 60), UUID.randomUUID());

        assertThat(shared(monday, tuesday)).isEmpty();
    }

    @Test
    void bookingsOfOneTherapistOnTheSameDayQueueOnTheTherapistAndRoomLocks() {
        SortedSet<Long> morning = keys(slot("2026-12-07T09:00:00-08:00", 60), UUID.randomUUID());
        SortedSet<Long> evening = keys(slot("2026-12-07T18:00:00-08:00", 30), UUID.randomUUID());

        assertThat(shared(morning, evening)).hasSize(2);
    }

    @Test
    void aSessionWhoseBufferRunsPastMidnightAlsoTakesTheNextDaysLocks() {
        SortedSet<Long> late = keys(slot("2026-12-07T23:00:00-08:00", 50), UUID.randomUUID());
        SortedSet<Long> nextMorning = keys(slot("2026-12-08T00:00:00-08:00", 30), UUID.randomUUID());

        assertThat(shared(late, nextMorning)).hasSize(2);
    }

    @Test
    void thePatientsLockIsSharedWhateverTheDay() {
        UUID patient = UUID.randomUUID();
        Slot other = new Slot(
                Instant.parse("2026-12-20T18:00:00Z"), Instant.parse("2026-12-20T19:00:00Z"), UUID.randomUUID(), null);

        assertThat(shared(
                        keys(slot("2026-12-07T10:00:00-08:00", 60), patient),
                        BookingLocks.keys(other, BUFFER, patient, null, LA)))
                .hasSize(1);
    }

    private Slot slot(String start, int minutes) {
        Instant at = OffsetDateTime.parse(start).toInstant();
        return new Slot(at, at.plus(Duration.ofMinutes(minutes)), therapist, room);
    }

    private SortedSet<Long> keys(Slot slot, UUID patient) {
        return BookingLocks.keys(slot, BUFFER, patient, null, LA);
    }

    private static SortedSet<Long> shared(SortedSet<Long> a, SortedSet<Long> b) {
        SortedSet<Long> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
