package clinic.relief.painmap;

import java.util.List;

/** The knowledge-base resources are missing or inconsistent; thrown at start-up, listing every problem found. */
public final class InvalidKnowledgeBase extends IllegalStateException {

    private final List<String> problems;

    public InvalidKnowledgeBase(List<String> problems) {
        super("Invalid pain-finder knowledge base (" + problems.size() + " problem(s)):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each, naming the resource and id. */
    public List<String> problems() {
        return problems;
    }
}
