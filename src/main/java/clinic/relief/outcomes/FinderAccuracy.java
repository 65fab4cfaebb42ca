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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    public record Labelled(MuscleAccuracy accuracy, String name) {
    }

    private final JdbcClient jdbc;
    private final Assessments assessments;

    FinderAccuracy(JdbcClient jdbc, Assessments assessments) {
        this.jdbc = jdbc;
        this.assessments = assessments;
    }

    @Transactional(readOnly = true)
    public List<MuscleAccuracy> perMuscle() {
        Map<UUID, Set<String>> found = new HashMap<>();
        Map<UUID, UUID> assessmentOf = new HashMap<>();
        jdbc.sql("""
                select s.appointment_id, s.assessment_id, t.muscle_id from (
                    select distinct on (n.appointment_id) n.appointment_id, n.id, v.assessment_id
                    from outcomes_note n join outcomes_visit v on v.appointment_id = n.appointment_id
                    where v.assessment_id is not null and n.signed_at is not null
                      and not exists (select 1 from outcomes_note_void x where x.appointment_id = n.appointment_id)
                    order by n.appointment_id, n.version desc) s
                left join outcomes_trigger_point t on t.note_id = s.id and t.active""")
                .query(rs -> {
                    UUID visit = rs.getObject("appointment_id", UUID.class);
                    assessmentOf.put(visit, rs.getObject("assessment_id", UUID.class));
                    Set<String> muscles = found.computeIfAbsent(visit, v -> new HashSet<>());
                    if (rs.getString("muscle_id") != null) {
                        muscles.add(rs.getString("muscle_id"));
                    }
                });
        Map<String, int[]> counts = new TreeMap<>();
        assessmentOf.forEach((visit, assessment) -> assessments.find(assessment).ifPresent(saved ->
                count(counts, topMuscles(saved), found.get(visit))));
        return counts.entrySet().stream()
                .map(e -> new MuscleAccuracy(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    static Set<String> topMuscles(SavedAssessment saved) {
        return new HashSet<>(saved.result().candidates().stream().limit(TOP).map(Candidate::muscle).toList());
    }

    /** Adds one visit: [predicted, found active, both] per muscle. */
    static void count(Map<String, int[]> counts, Set<String> predicted, Set<String> foundActive) {
        predicted.forEach(m -> counts.computeIfAbsent(m, k -> new int[3])[0]++);
        foundActive.forEach(m -> counts.computeIfAbsent(m, k -> new int[3])[1]++);
        predicted.stream().filter(foundActive::contains).forEach(m -> counts.get(m)[2]++);
    }
}
