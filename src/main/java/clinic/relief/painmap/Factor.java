package clinic.relief.painmap;

import java.util.Objects;

/** What makes the pain worse or better, or goes with it (contract vocabulary), e.g. {@code cough_sneeze}. */
public record Factor(String id, FactorGroup group, Text label) {

    public Factor {
        Ids.requireId(id, "factor");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(label, "label");
    }
}
