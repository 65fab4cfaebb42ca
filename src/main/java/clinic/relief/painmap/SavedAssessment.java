package clinic.relief.painmap;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A pain finder assessment as it was saved: what the person marked and answered, and what the finder answered
 * then, with the versions that produced it. It holds no personal data.
 */
public record SavedAssessment(
        UUID id, Instant createdAt, String engineVersion, PainQuery query, PainFinderResult result) {

    public SavedAssessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(result, "result");
    }
}
