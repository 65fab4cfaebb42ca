package clinic.relief.clinic;

/** The service was changed by someone else since the edit was started from {@code seen}; nothing was changed. */
public class ServiceChangedMeanwhile extends RuntimeException {

    public ServiceChangedMeanwhile(String id, int seen) {
        super("Service " + id + " changed since version " + seen);
    }
}
