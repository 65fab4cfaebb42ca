package clinic.relief.mail;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a patient's e-mail goes. The patients module implements it, so that mail, which patients use, needs nothing
 * of patients in return.
 */
public interface Recipients {

    /** The patient's e-mail address, empty when they gave none; throws as the patients module does for an unknown id. */
    Optional<String> emailOf(UUID patientId);
}
