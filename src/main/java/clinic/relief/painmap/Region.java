package clinic.relief.painmap;

import java.util.List;
import java.util.Objects;

/**
 * A base body region (trigger-points.md §2.2). A paired region is selected as {@code <baseId>_L} or
 * {@code <baseId>_R} (the person's own side); a midline region is selected by its base id.
 */
public record Region(String baseId, View view, boolean paired, Text label) {

    public Region {
        Ids.requireId(baseId, "region");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(label, "label");
    }

    /** The selectable ids of this region: two for a paired region, one for a midline region. */
    public List<String> selectableIds() {
        return paired ? List.of(baseId + "_L", baseId + "_R") : List.of(baseId);
    }
}
