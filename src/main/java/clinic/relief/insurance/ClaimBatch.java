package clinic.relief.insurance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One "submit all ready claims": the 837P of the claims sent (none when every ready claim was held back) and the
 * claims held back, each with what it lacks; those went back to draft.
 */
public record ClaimBatch(UUID id, Optional<Long> interchange, List<UUID> sent, Optional<String> file, List<Held> held) {

    public ClaimBatch {
        sent = List.copyOf(sent);
        held = List.copyOf(held);
    }

    /** A ready claim that was not sent, and why. */
    public record Held(UUID claimId, long number, List<ClaimGap> gaps) {

        public Held {
            gaps = List.copyOf(gaps);
        }

        public String claimNumber() {
            return "R" + number;
        }
    }
}
