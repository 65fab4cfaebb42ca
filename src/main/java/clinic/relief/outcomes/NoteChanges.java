package clinic.relief.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one version changed against the one it amends: the names of the changed fields (message keys
 * {@code outcomes.note.field.<name>}) and the findings added and removed.
 */
public record NoteChanges(int version, List<String> fields, List<Finding> added, List<Finding> removed) {

    static List<NoteChanges> between(List<TreatmentNote> versions) {
        List<NoteChanges> changes = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            changes.add(of(
                    versions.get(i - 1).content(),
                    versions.get(i).content(),
                    versions.get(i).version()));
        }
        return changes;
    }

    static NoteChanges of(NoteContent before, NoteContent after, int version) {
        List<String> fields = new ArrayList<>();
        compare(fields, "subjective", before, after, NoteContent::subjective);
        compare(fields, "painRegions", before, after, NoteContent::painRegions);
        compare(fields, "treatedRegions", before, after, NoteContent::treatedRegions);
        compare(fields, "assessment", before, after, NoteContent::assessment);
        compare(fields, "planFrequency", before, after, NoteContent::planFrequency);
        compare(fields, "homeCare", before, after, NoteContent::homeCare);
        compare(fields, "discharge", before, after, NoteContent::discharge);
        List<Finding> added = after.findings().stream()
                .filter(f -> !before.findings().contains(f))
                .toList();
        List<Finding> removed = before.findings().stream()
                .filter(f -> !after.findings().contains(f))
                .toList();
        return new NoteChanges(version, fields, added, removed);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    private static void compare(
            List<String> fields, String name, NoteContent a, NoteContent b, Function<NoteContent, Object> value) {
        if (!Objects.equals(value.apply(a), value.apply(b))) {
            fields.add(name);
        }
    }
}
