package clinic.relief.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A start time that can be booked with this therapist, and the room it would use (null if none is needed). A service
 * given by two therapists at once (a couples massage) names the second one too; both are held for the same span.
 */
public record Slot(Instant start, Instant end, UUID therapistId, UUID roomId, Optional<UUID> secondTherapistId) {

    public Slot {
        Objects.requireNonNull(secondTherapistId, "secondTherapistId");
        if (secondTherapistId.filter(therapistId::equals).isPresent()) {
            throw new IllegalArgumentException("The second therapist must be someone else");
        }
    }

    /** A slot with one therapist. */
    public Slot(Instant start, Instant end, UUID therapistId, UUID roomId) {
        this(start, end, therapistId, roomId, Optional.empty());
    }
}
