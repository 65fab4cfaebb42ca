package clinic.relief.painmap;

import java.util.List;
import java.util.Objects;

/**
 * The red-flag referral that leads a result: the most severe level among the flags, every flag ticked (most
 * severe first), the message for the level, and the doctor-first notes that apply.
 */
public record Referral(ReferralLevel level, List<String> flags, Text message, List<DoctorNote> notes) {

    public Referral {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        flags = List.copyOf(flags);
        notes = List.copyOf(notes);
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("a referral needs at least one flag");
        }
    }
}
