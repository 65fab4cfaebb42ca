package clinic.relief.booking.fees;

import java.util.List;

/** A fee policy that cannot be saved as given; each problem names a service, a field and a message key. */
public class FeePolicyRefused extends RuntimeException {

    private final List<FeeRules.Problem> problems;

    public FeePolicyRefused(List<FeeRules.Problem> problems) {
        super("Fee policy refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FeeRules.Problem> problems() {
        return problems;
    }
}
