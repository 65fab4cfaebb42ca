package clinic.relief.painmap;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cross-reference checks: every id a muscle, note or text file names must resolve. */
final class KnowledgeBaseChecks {

    private final KnowledgeBase kb;
    private final Problems problems;

    KnowledgeBaseChecks(KnowledgeBase kb, Problems problems) {
        this.kb = kb;
        this.problems = problems;
    }

    /** Reports ids that occur more than once in one list. */
    static void unique(String what, List<String> ids, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                problems.add(KnowledgeBaseReader.RESOURCE + ": " + what + " id '" + id + "' is defined twice");
            }
        }
    }

    void check() {
        if (kb.version() == null || kb.version().isBlank()) {
            problems.add(KnowledgeBaseReader.RESOURCE + ": version is missing");
        }
        kb.muscles().forEach(this::checkMuscle);
        kb.doctorFirstNotes().forEach(this::checkNote);
    }

    private void checkMuscle(Muscle muscle) {
        String where = KnowledgeBaseReader.RESOURCE + ": muscle " + muscle.id();
        regions(where + " primary", muscle.primary());
        regions(where + " secondary", muscle.secondary());
        regions(where + " triggerPoints", muscle.triggerPoints());
        for (String zone : muscle.bilateral()) {
            Region region = kb.region(zone);
            if (region != null && !region.paired()) {
                problems.add(where + " bilateral zone '" + zone + "' is a midline region");
            }
        }
        muscle.qualities().stream()
                .filter(id -> kb.quality(id) == null)
                .forEach(id -> problems.add(where + " names unknown quality '" + id + "'"));
        muscle.factors().stream()
                .filter(id -> kb.factor(id) == null)
                .forEach(id -> problems.add(where + " names unknown factor '" + id + "'"));
    }

    private void checkNote(DoctorNote note) {
        String where = KnowledgeBaseReader.RESOURCE + ": doctor-first note " + note.id();
        regions(where + " regions", note.regions());
        note.qualities().stream()
                .filter(id -> kb.quality(id) == null)
                .forEach(id -> problems.add(where + " names unknown quality '" + id + "'"));
        note.factors().stream()
                .filter(id -> kb.factor(id) == null)
                .forEach(id -> problems.add(where + " names unknown factor '" + id + "'"));
    }

    private void regions(String where, Iterable<String> baseIds) {
        for (String id : baseIds) {
            if (kb.region(id) == null) {
                problems.add(where + " names unknown region '" + id + "'");
            }
        }
    }
}
