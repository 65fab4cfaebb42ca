package clinic.relief.painmap;

import java.util.List;
import java.util.Objects;

/**
 * A muscle worth checking: its side (the person's own), a score in [0, 1], the marked regions it explains
 * (essential and spillover), the answers that support it, and the reason codes.
 */
public record Candidate(
        String muscle,
        Side side,
        double score,
        List<String> primaryMatches,
        List<String> secondaryMatches,
        List<String> supportingFactors,
        List<String> supportingQualities,
        List<ReasonCode> reasons) {

    public Candidate {
        Objects.requireNonNull(muscle, "muscle");
        Objects.requireNonNull(side, "side");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score " + score + " is outside [0, 1]");
        }
        primaryMatches = List.copyOf(primaryMatches);
        secondaryMatches = List.copyOf(secondaryMatches);
        supportingFactors = List.copyOf(supportingFactors);
        supportingQualities = List.copyOf(supportingQualities);
        reasons = List.copyOf(reasons);
    }
}
