package clinic.relief.booking;

import java.time.Instant;

/** The patient already has an appointment overlapping this time: their own clash, not a slot someone else took. */
public class PatientAlreadyBooked extends RuntimeException {

    public PatientAlreadyBooked(Instant start) {
        super("The patient already has an appointment overlapping " + start);
    }
}
