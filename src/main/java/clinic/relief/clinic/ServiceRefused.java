package clinic.relief.clinic;

import java.util.List;

/** A service edit that cannot be applied as given; each problem names a field and a message key. */
public class ServiceRefused extends RuntimeException {

    private final List<ServiceEdit.Problem> problems;

    public ServiceRefused(List<ServiceEdit.Problem> problems) {
        super("Service refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ServiceEdit.Problem> problems() {
        return problems;
    }
}
