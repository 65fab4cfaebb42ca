package clinic.relief.booking;

/** The service is not offered in a session of this length. */
public class UnknownLength extends RuntimeException {

    public UnknownLength(String serviceId, int minutes) {
        super("Service " + serviceId + " has no " + minutes + " minute session");
    }
}
