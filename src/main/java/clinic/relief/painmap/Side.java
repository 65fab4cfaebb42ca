package clinic.relief.painmap;

/**
 * The side of a candidate muscle, always the person's own side. {@code BOTH} means the marked map points to
 * the muscle on both sides, or only midline or bilateral-pattern regions were matched so the side is open.
 */
public enum Side {
    L,
    R,
    BOTH;

    /** The API spelling: {@code L}, {@code R} or {@code both}. */
    public String id() {
        return this == BOTH ? "both" : name();
    }

    /** The other side; {@code BOTH} stays {@code BOTH}. */
    public Side mirrored() {
        return switch (this) {
            case L -> R;
            case R -> L;
            case BOTH -> BOTH;
        };
    }
}
