package clinic.relief.booking;

import java.util.UUID;

/** No bookable therapist has this id, or the therapist does not give the service. */
public class UnknownTherapist extends RuntimeException {

    public UnknownTherapist(UUID id, String serviceId) {
        super("Therapist " + id + " does not give " + serviceId);
    }
}
