package clinic.relief.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * A cancellation the desk made: why (a reason and an optional note, empty when none), whether the late fee it would
 * have owed was waived, who cancelled and when.
 */
public record Cancellation(CancelReason reason, String note, boolean feeWaived, String by, Instant at) {

    /** The longest note the desk may write. */
    public static final int NOTE_LIMIT = 200;

    public Cancellation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    /** The note as the desk may store it: trimmed, at most {@link #NOTE_LIMIT} characters, no control characters. */
    public static boolean acceptable(String note) {
        return note.strip().length() <= NOTE_LIMIT && note.strip().chars().noneMatch(Character::isISOControl);
    }
}
