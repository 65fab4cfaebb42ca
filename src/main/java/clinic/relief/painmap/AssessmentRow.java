package clinic.relief.painmap;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.io.JsonStringEncoder;

/** One assessment ready to be written: the query and the result already as JSON text. */
record AssessmentRow(
        UUID id, Instant createdAt, String engineVersion, String knowledgeBaseVersion, String query, String result) {

    /**
     * Appends this row to a batch as one JSON object. The query and the result go in as they are (they are JSON
     * already, so nothing is escaped or encoded again); the short texts are quoted.
     */
    void appendJson(StringBuilder batch) {
        batch.append("{\"id\":\"")
                .append(id)
                .append("\",\"createdAt\":\"")
                .append(createdAt)
                .append("\",\"engineVersion\":\"")
                .append(quoted(engineVersion))
                .append("\",\"knowledgeBaseVersion\":\"")
                .append(quoted(knowledgeBaseVersion))
                .append("\",\"query\":")
                .append(query)
                .append(",\"result\":")
                .append(result)
                .append('}');
    }

    private static char[] quoted(String text) {
        return JsonStringEncoder.getInstance().quoteAsCharArray(text);
    }
}
