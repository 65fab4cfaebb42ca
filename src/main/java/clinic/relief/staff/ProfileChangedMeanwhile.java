package clinic.relief.staff;

import java.util.UUID;

/** The profile was edited by someone else since the version the editor started from; nothing was changed. */
public class ProfileChangedMeanwhile extends RuntimeException {

    public ProfileChangedMeanwhile(UUID id, int version) {
        super("Staff profile " + id + " is no longer at version " + version);
    }
}
