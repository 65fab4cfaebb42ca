package clinic.relief.clinic;

/**
 * The clinic's details as a test changes them, and put back after it: the tests of a context share one clinic, so
 * each one that edits it leaves it as it found it.
 */
public final class ClinicMoves {

    private ClinicMoves() {}

    /** The clinic's current details at another street and public phone (typed as the owner would). */
    public static ClinicDetails movedTo(ClinicSettings settings, String street, String phone) {
        ClinicDetails before = settings.current().details();
        return ClinicDetails.typed(
                before.name(),
                before.shortName(),
                before.centerName(),
                phone,
                before.contactEmail(),
                street,
                before.city(),
                before.region(),
                before.postalCode(),
                settings.country());
    }

    /** Puts {@code details} back, if a test left others. */
    public static void restore(ClinicSettings settings, ClinicDetails details) {
        ClinicSettings.Current now = settings.current();
        if (!now.details().equals(details)) {
            settings.edit(now.version(), details, "tests");
        }
    }
}
