package clinic.relief.painmap;

import java.util.Locale;

/** The groups of factors in the contract. */
public enum FactorGroup {
    WORSE_WITH,
    BETTER_WITH,
    STARTED_AFTER,
    HABITS,
    GOES_WITH;

    /** The resource spelling, e.g. {@code worse_with}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown group id */
    public static FactorGroup of(String id) {
        for (FactorGroup group : values()) {
            if (group.id().equals(id)) {
                return group;
            }
        }
        throw new IllegalArgumentException("unknown factor group '" + id + "'");
    }
}
