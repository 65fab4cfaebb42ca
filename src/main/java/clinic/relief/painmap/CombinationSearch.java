package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the smallest set of candidates whose patterns cover every coverable marked region: an exact set-cover
 * search by iterative deepening (size 1, 2, ...), branching on the uncovered region with the fewest candidates
 * and pruned by a size bound. Among covers of the smallest size it keeps the one with the highest summed score
 * (then the alphabetically first), so the answer does not depend on search order. Maps are small (a handful of
 * regions, at most 35 candidates), so this costs microseconds; a node budget guards huge maps, where the greedy
 * cover is returned and marked as not exact. Not thread-safe: one instance per search.
 */
final class CombinationSearch {

    static final int NODE_BUDGET = 200_000;

    private final List<Candidate> candidates;
    private final long[][] covers;
    private final RegionIndex index;
    private int[][] coverers;
    private int maxCover;
    private int nodes;
    private int[] best;
    private double bestScore;
    private String[] bestNames;

    /** @param covers per candidate (in rank order), the marked regions its pattern explains */
    CombinationSearch(List<Candidate> candidates, long[][] covers, RegionIndex index) {
        this.candidates = candidates;
        this.covers = covers;
        this.index = index;
    }

    Combination find(long[] marked) {
        long[] coverable = Bits.empty(index.size());
        for (long[] cover : covers) {
            coverable = Bits.or(coverable, cover);
            maxCover = Math.max(maxCover, Bits.count(cover));
        }
        List<String> uncovered = index.ids(Bits.andNot(marked, coverable));
        if (Bits.isEmpty(coverable)) {
            return new Combination(List.of(), uncovered, true);
        }
        indexCoverers(coverable);
        int[] greedy = greedy(coverable);
        for (int limit = 1; limit <= greedy.length; limit++) {
            search(coverable, new int[limit], 0, limit);
            if (nodes > NODE_BUDGET) {
                return combination(greedy, uncovered, false);
            }
            if (best != null) {
                return combination(best, uncovered, true);
            }
        }
        return combination(greedy, uncovered, true);
    }

    private void search(long[] uncovered, int[] chosen, int depth, int limit) {
        if (++nodes > NODE_BUDGET) {
            return;
        }
        if (Bits.isEmpty(uncovered)) {
            consider(Arrays.copyOf(chosen, depth));
            return;
        }
        int remaining = Bits.count(uncovered);
        if (depth == limit || depth + (remaining + maxCover - 1) / maxCover > limit) {
            return;
        }
        for (int candidate : coverers[rarest(uncovered)]) {
            chosen[depth] = candidate;
            search(Bits.andNot(uncovered, covers[candidate]), chosen, depth + 1, limit);
        }
    }

    /** Keeps the cover with the highest summed score, then the alphabetically first; both order-independent. */
    private void consider(int[] chosen) {
        Integer[] byName = Arrays.stream(chosen)
                .boxed()
                .sorted(Comparator.comparing(i -> candidates.get(i).muscle()))
                .toArray(Integer[]::new);
        double score = 0;
        for (int i : byName) {
            score += candidates.get(i).score();
        }
        String[] names =
                Arrays.stream(byName).map(i -> candidates.get(i).muscle()).toArray(String[]::new);
        if (best == null || score > bestScore || score == bestScore && Arrays.compare(names, bestNames) < 0) {
            best = chosen.clone();
            bestScore = score;
            bestNames = names;
        }
    }

    private int rarest(long[] uncovered) {
        int rarest = -1;
        for (int r = Bits.next(uncovered, 0); r >= 0; r = Bits.next(uncovered, r + 1)) {
            if (rarest < 0 || coverers[r].length < coverers[rarest].length) {
                rarest = r;
            }
        }
        return rarest;
    }

    private void indexCoverers(long[] coverable) {
        coverers = new int[index.size()][];
        for (int r = Bits.next(coverable, 0); r >= 0; r = Bits.next(coverable, r + 1)) {
            List<Integer> list = new ArrayList<>();
            for (int c = 0; c < covers.length; c++) {
                if (Bits.get(covers[c], r)) {
                    list.add(c);
                }
            }
            coverers[r] = list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int[] greedy(long[] coverable) {
        List<Integer> chosen = new ArrayList<>();
        long[] uncovered = coverable;
        while (!Bits.isEmpty(uncovered)) {
            int pick = 0;
            for (int c = 1; c < covers.length; c++) {
                if (Bits.countAnd(covers[c], uncovered) > Bits.countAnd(covers[pick], uncovered)) {
                    pick = c;
                }
            }
            chosen.add(pick);
            uncovered = Bits.andNot(uncovered, covers[pick]);
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private Combination combination(int[] chosen, List<String> uncovered, boolean exact) {
        int[] ranked = chosen.clone();
        Arrays.sort(ranked);
        List<String> muscles =
                Arrays.stream(ranked).mapToObj(i -> candidates.get(i).muscle()).toList();
        return new Combination(muscles, uncovered, exact);
    }
}
