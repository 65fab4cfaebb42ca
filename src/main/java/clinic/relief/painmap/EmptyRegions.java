package clinic.relief.painmap;

/** A query marked no region; at least one is required. */
public final class EmptyRegions extends PainFinderException {

    public EmptyRegions() {
        super("Mark at least one region");
    }
}
