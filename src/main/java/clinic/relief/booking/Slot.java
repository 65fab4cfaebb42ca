package clinic.relief.booking;

import java.time.Instant;
import java.util.UUID;

/** A start time that can be booked with this therapist, and the room it would use (null if none is needed). */
public record Slot(Instant start, Instant end, UUID therapistId, UUID roomId) {}
