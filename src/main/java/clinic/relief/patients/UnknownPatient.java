package clinic.relief.patients;

import java.util.UUID;

/** No patient has this id. */
public class UnknownPatient extends RuntimeException {

    public UnknownPatient(UUID id) {
        super("No patient " + id);
    }
}
