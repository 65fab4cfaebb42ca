package clinic.relief.painmap;

import java.util.List;

/**
 * The smallest set of muscles whose patterns together explain every marked region that any muscle explains,
 * best ranked first, and the marked regions no muscle explains.
 *
 * @param exact true when the set was proven smallest; false only for very large maps where the search stopped
 *     at its budget and a greedy cover was returned
 */
public record Combination(List<String> muscles, List<String> uncoveredRegions, boolean exact) {

    public Combination {
        muscles = List.copyOf(muscles);
        uncoveredRegions = List.copyOf(uncoveredRegions);
    }
}
