package clinic.relief.painmap;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;

/**
 * What a person tells the pain finder: the marked regions (selectable ids such as {@code iliac_crest_R}), how
 * it feels, what makes it worse or better, the red flags ticked, and optionally their sex. Ids are kept sorted
 * and without duplicates; whether they exist is checked by {@link PainFinder#find(PainQuery)} against the
 * knowledge base.
 *
 * @throws EmptyRegions when no region is marked
 * @throws UnknownIds when an id is null
 */
public record PainQuery(
        SortedSet<String> regions,
        SortedSet<String> qualities,
        SortedSet<String> factors,
        SortedSet<String> redFlags,
        @Nullable Sex sex) {

    public PainQuery {
        requireNoNulls(regions, qualities, factors, redFlags);
        regions = Ids.sortedCopy(regions, "regions");
        qualities = Ids.sortedCopy(qualities, "qualities");
        factors = Ids.sortedCopy(factors, "factors");
        redFlags = Ids.sortedCopy(redFlags, "redFlags");
        if (regions.isEmpty()) {
            throw new EmptyRegions();
        }
    }

    /** A null id (e.g. {@code "regions": [null]} in JSON) is reported as an unknown id, never as a crash. */
    private static void requireNoNulls(
            Collection<String> regions,
            Collection<String> qualities,
            Collection<String> factors,
            Collection<String> redFlags) {
        Map<IdKind, List<String>> nulls = new EnumMap<>(IdKind.class);
        addIfNull(nulls, IdKind.REGION, regions);
        addIfNull(nulls, IdKind.QUALITY, qualities);
        addIfNull(nulls, IdKind.FACTOR, factors);
        addIfNull(nulls, IdKind.RED_FLAG, redFlags);
        if (!nulls.isEmpty()) {
            throw new UnknownIds(nulls);
        }
    }

    private static void addIfNull(Map<IdKind, List<String>> nulls, IdKind kind, Collection<String> ids) {
        if (ids != null && ids.stream().anyMatch(Objects::isNull)) {
            nulls.put(kind, List.of("null"));
        }
    }

    /** A query from plain collections; any of them but {@code regions} may be null. */
    public static PainQuery of(
            Collection<String> regions,
            @Nullable Collection<String> qualities,
            @Nullable Collection<String> factors,
            @Nullable Collection<String> redFlags,
            @Nullable Sex sex) {
        requireNoNulls(regions, qualities, factors, redFlags);
        return new PainQuery(
                Ids.sortedCopy(regions, "regions"),
                Ids.sortedCopy(qualities, "qualities"),
                Ids.sortedCopy(factors, "factors"),
                Ids.sortedCopy(redFlags, "redFlags"),
                sex);
    }

    /** A query with only marked regions. */
    public static PainQuery ofRegions(String... regions) {
        return of(List.of(regions), null, null, null, null);
    }

    /** This query with the given qualities instead. */
    public PainQuery withQualities(String... ids) {
        return new PainQuery(regions, Ids.sortedCopy(List.of(ids), "qualities"), factors, redFlags, sex);
    }

    /** This query with the given factors instead. */
    public PainQuery withFactors(String... ids) {
        return new PainQuery(regions, qualities, Ids.sortedCopy(List.of(ids), "factors"), redFlags, sex);
    }

    /** This query with the given red flags instead. */
    public PainQuery withRedFlags(String... ids) {
        return new PainQuery(regions, qualities, factors, Ids.sortedCopy(List.of(ids), "redFlags"), sex);
    }
}
