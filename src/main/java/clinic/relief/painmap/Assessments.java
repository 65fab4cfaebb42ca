package clinic.relief.painmap;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the pain finder and keeps each assessment, so that the results page, a booking intake and later a therapist
 * can open it by id. Texts are not stored per language: the saved result carries both languages.
 */
@Service
public class Assessments {

    /** Changes whenever the ranking rules change, so that saved results can be told apart. */
    public static final String ENGINE_VERSION = "2026.11.25";

    private final PainFinder finder;
    private final AssessmentStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final AssessmentWriter writer;

    Assessments(PainFinder finder, AssessmentStore store, JsonMapper json, Clock clock) {
        this.finder = finder;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.writer = new AssessmentWriter(store::insert, 4096, 256, 10_000);
    }

    /**
     * Screens and ranks the query and saves the result; returns once it is written (group commit: see
     * {@link AssessmentWriter}).
     *
     * @throws UnknownIds when the query names ids the knowledge base does not know (nothing is saved)
     * @throws AssessmentsBusy when assessments arrive faster than they can be written
     */
    public SavedAssessment assess(PainQuery query) {
        PainFinderResult result = finder.find(query);
        SavedAssessment saved = new SavedAssessment(
                UUID.randomUUID(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS), ENGINE_VERSION, query, result);
        writer.save(new AssessmentRow(
                saved.id(),
                saved.createdAt(),
                ENGINE_VERSION,
                result.knowledgeBaseVersion(),
                json.writeValueAsString(query),
                json.writeValueAsString(result)));
        return saved;
    }

    @PreDestroy
    void stopWriting() {
        writer.close();
    }

    @Transactional(readOnly = true)
    public Optional<SavedAssessment> find(UUID id) {
        return store.find(id)
                .map(row -> new SavedAssessment(
                        row.id(),
                        row.createdAt().toInstant(),
                        row.engineVersion(),
                        json.readValue(row.query(), PainQuery.class),
                        json.readValue(row.result(), PainFinderResult.class)));
    }
}
