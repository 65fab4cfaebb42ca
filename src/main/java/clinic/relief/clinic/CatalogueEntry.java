package clinic.relief.clinic;

/**
 * A service on the menu as the owner's settings show it: the service with today's prices, whether it is retired
 * (kept for history, no longer booked) and the version an edit must name.
 */
public record CatalogueEntry(ClinicProfile.Service service, boolean retired, int version) {

    public String id() {
        return service.id();
    }
}
