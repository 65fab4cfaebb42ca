package clinic.relief.clinic;

import java.util.List;

/** Clinic details that cannot be saved as given; each problem names a field and a message key. Nothing changed. */
public class ClinicDetailsRefused extends RuntimeException {

    private final List<ClinicDetails.Problem> problems;

    public ClinicDetailsRefused(List<ClinicDetails.Problem> problems) {
        super("Clinic details refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ClinicDetails.Problem> problems() {
        return problems;
    }
}
