package clinic.relief.painmap;

import java.util.Objects;

/** How the pain feels (contract vocabulary), e.g. {@code aching}. */
public record Quality(String id, Text label) {

    public Quality {
        Ids.requireId(id, "quality");
        Objects.requireNonNull(label, "label");
    }
}
