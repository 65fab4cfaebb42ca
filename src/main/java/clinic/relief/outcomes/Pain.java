package clinic.relief.outcomes;

/** Pain before and after one visit; either may still be missing (null). */
public record Pain(Integer before, Integer after) {

    public boolean complete() {
        return before != null && after != null;
    }

    /** How many points pain fell (negative when it rose), or null while incomplete. */
    public Integer drop() {
        return complete() ? before - after : null;
    }
}
