package clinic.relief.painmap;

/** An expected failure of a pain-finder query; the web layer maps every subclass to a 400 problem. */
public abstract sealed class PainFinderException extends RuntimeException permits UnknownIds, EmptyRegions {

    PainFinderException(String message) {
        super(message);
    }
}
