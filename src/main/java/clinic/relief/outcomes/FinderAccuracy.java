package clinic.relief.outcomes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.Candidate;
import clinic.relief.painmap.SavedAssessment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pain finder in practice: for visits that came with an assessment and have a signed note, compares the
 * finder's top three muscles with the muscles the therapist found with an active trigger point. Per muscle:
 * precision = found active when in the top three / times in the top three; recall = in the top three when found
 * active / times found active (the denominators are shown, so small numbers are read as such).
 */
@Service
class FinderAccuracy {

    static final int TOP = 3;

    /** Counts and rates of one muscle; rates are null when their denominator is 0. */
    public record MuscleAccuracy(String muscle, int predicted, int foundActive, int both) {

        public Double precision() {
            return predicted == 0 ? null : (double) both / predicted;
        }

        public Double recall() {
            return foundActive == 0 ? null : (double) both / foundActive;
        }
    }

    /** A muscle's accuracy with its name, for the page. */
    public record Labelled(MuscleAccuracy accuracy, String name) {}

    private final ResultStore store;
    private final Assessments assessments;

    FinderAccuracy(ResultStore store, Assessments assessments) {
        this.store = store;
        this.assessments = assessments;
    }

    @Transactional(readOnly = true)
    public List<MuscleAccuracy> perMuscle() {
        Map<UUID, Set<String>> found = new HashMap<>();
        Map<UUID, UUID> assessmentOf = new HashMap<>();
        for (ResultStore.Found row : store.foundActiveInAssessedVisits()) {
            assessmentOf.put(row.appointmentId(), row.assessmentId());
            Set<String> muscles = found.computeIfAbsent(row.appointmentId(), v -> new HashSet<>());
            if (row.muscleId() != null) {
                muscles.add(row.muscleId());
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        assessmentOf.forEach((visit, assessment) ->
                assessments.find(assessment).ifPresent(saved -> count(counts, topMuscles(saved), found.get(visit))));
        return counts.entrySet().stream()
                .map(e -> new MuscleAccuracy(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    static Set<String> topMuscles(SavedAssessment saved) {
        return new HashSet<>(saved.result().candidates().stream()
                .limit(TOP)
                .map(Candidate::muscle)
                .toList());
    }

    /** Adds one visit: [predicted, found active, both] per muscle. */
    static void count(Map<String, int[]> counts, Set<String> predicted, Set<String> foundActive) {
        predicted.forEach(m -> counts.computeIfAbsent(m, k -> new int[3])[0]++);
        foundActive.forEach(m -> counts.computeIfAbsent(m, k -> new int[3])[1]++);
        predicted.stream().filter(foundActive::contains).forEach(m -> counts.get(m)[2]++);
    }
}
