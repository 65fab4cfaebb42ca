package clinic.relief.painmap;

import java.util.Objects;

/** A red flag of the screen (contract table) with the level of care it calls for. */
public record RedFlag(String id, ReferralLevel level, Text label) {

    public RedFlag {
        Ids.requireId(id, "red flag");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(label, "label");
    }
}
