package clinic.relief.clinic;

/** The clinic's details were changed by someone else since the edit was started from {@code seen}; nothing changed. */
public class ClinicDetailsChangedMeanwhile extends RuntimeException {

    public ClinicDetailsChangedMeanwhile(int seen) {
        super("Clinic details changed since version " + seen);
    }
}
