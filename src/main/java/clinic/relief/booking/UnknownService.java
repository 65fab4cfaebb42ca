package clinic.relief.booking;

/** The clinic profile has no service with this id. */
public class UnknownService extends RuntimeException {

    public UnknownService(String id) {
        super("No service " + id);
    }
}
