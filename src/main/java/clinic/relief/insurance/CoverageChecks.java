package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.List;

/** A coverage with its eligibility checks, newest first. */
public record CoverageChecks(Coverage coverage, List<EligibilityCheck> checks) {

    public boolean activeOn(LocalDate date) {
        return coverage.activeOn(date);
    }
}
