package clinic.relief.painmap;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The optional sex given with a query: {@code F}, {@code M} or {@code X} (other or not said). It is kept with
 * the assessment; it does not change the ranking, because the evidence in trigger-points.md §1.5 gives no
 * sex-specific priors.
 */
public enum Sex {
    F,
    M,
    X;

    /**
     * Parses {@code F}, {@code M} or {@code X} (any case); {@code null} or blank gives {@code null}.
     *
     * @throws UnknownIds naming the value as an unknown {@link IdKind#SEX}
     */
    public static @Nullable Sex of(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        for (Sex sex : values()) {
            if (sex.name().equalsIgnoreCase(id.strip())) {
                return sex;
            }
        }
        throw new UnknownIds(Map.of(IdKind.SEX, List.of(id)));
    }
}
