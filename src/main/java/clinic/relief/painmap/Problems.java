package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every problem of the knowledge-base resources so that one start-up failure lists them all. */
final class Problems {

    private final List<String> problems = new ArrayList<>();

    /** Runs a read; an {@link IllegalArgumentException} becomes a problem under the context and gives null. */
    <T> T attempt(String context, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            add(message.startsWith(context) ? message : context + ": " + message);
            return null;
        }
    }

    void add(String problem) {
        problems.add(problem);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeBase(problems);
        }
    }
}
