package clinic.relief.booking;

import java.util.UUID;

/** No appointment has this id (or the caller may not see it). */
public class UnknownAppointment extends RuntimeException {

    public UnknownAppointment(UUID id) {
        super("No appointment " + id);
    }
}
