package clinic.relief.outcomes;

import java.util.List;

/** A client's progress charts (pain first, then each questionnaire); empty when nothing was measured yet. */
public record ProgressReport(List<Chart> charts) {

    public boolean isEmpty() {
        return charts.isEmpty();
    }
}
