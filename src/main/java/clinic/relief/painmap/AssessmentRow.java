package clinic.relief.painmap;

import java.time.Instant;
import java.util.UUID;

/** One assessment ready to be written: the query and the result already as JSON text. */
record AssessmentRow(UUID id, Instant createdAt, String engineVersion, String knowledgeBaseVersion, String query,
        String result) {
}
