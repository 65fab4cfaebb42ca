package clinic.relief.booking.fees;

/** The fee policy was changed by someone else since the edit was started from {@code seen}; nothing changed. */
public class FeePolicyChangedMeanwhile extends RuntimeException {

    public FeePolicyChangedMeanwhile(int seen) {
        super("Fee policy changed since version " + seen);
    }
}
