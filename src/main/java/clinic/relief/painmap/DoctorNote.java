package clinic.relief.painmap;

import java.util.Objects;
import java.util.Set;

/**
 * A "have this checked by a doctor first" note ({@code chest}, {@code arm}, {@code tingling}). It applies when
 * a marked region's base id, a quality or a factor of the query is one of its triggers.
 */
public record DoctorNote(String id, Set<String> regions, Set<String> qualities, Set<String> factors, Text text) {

    public DoctorNote {
        Ids.requireId(id, "note");
        regions = Ids.sortedCopy(regions, "regions");
        qualities = Ids.sortedCopy(qualities, "qualities");
        factors = Ids.sortedCopy(factors, "factors");
        Objects.requireNonNull(text, "text");
        if (regions.isEmpty() && qualities.isEmpty() && factors.isEmpty()) {
            throw new IllegalArgumentException("note " + id + " has no trigger");
        }
    }
}
