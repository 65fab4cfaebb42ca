package clinic.relief.patients;

import java.util.Map;

/** A form sent with required answers missing or answers that are not valid: nothing was stored. */
public class IntakeIncomplete extends RuntimeException {

    private final Map<String, String> problems;

    public IntakeIncomplete(Map<String, String> problems) {
        super("Intake form incomplete: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    /** The message key of each problem by question id ({@code signedName} and {@code agrees} for the signature). */
    public Map<String, String> problems() {
        return problems;
    }
}
