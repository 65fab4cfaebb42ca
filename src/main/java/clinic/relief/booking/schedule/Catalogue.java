package clinic.relief.booking.schedule;

import java.time.Instant;
import java.util.List;

import clinic.relief.booking.BookableService;
import clinic.relief.booking.BookingSettings;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.fees.FeePolicy;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.clinic.ServiceCatalogue;
import org.springframework.stereotype.Component;

/** The clinic's services menu ({@link ServiceCatalogue}), each with its booking rules and the owner's fee policy. */
@Component
public class Catalogue {

    private final ServiceCatalogue services;
    private final BookingSettings settings;
    private final FeePolicy fees;

    Catalogue(ServiceCatalogue services, BookingSettings settings, FeePolicy fees) {
        this.services = services;
        this.settings = settings;
        this.fees = fees;
    }

    /** The services that can be booked (retired ones left out), with today's prices. */
    public List<BookableService> all() {
        return services.offered().stream().map(this::bookable).toList();
    }

    /** A service by id with today's prices, retired or not (an existing appointment may be of a retired one). */
    public BookableService get(String id) {
        return services.find(id).map(this::bookable).orElseThrow(() -> new UnknownService(id));
    }

    /** A service that can be booked now; a retired one is {@link UnknownService}, as for a new booking it is. */
    public BookableService offered(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new UnknownService(id));
    }

    /** A service with the prices that held at {@code at} (when an appointment was booked). */
    public BookableService asBookedAt(String id, Instant at) {
        return services.asBookedAt(id, at).map(this::bookable).orElseThrow(() -> new UnknownService(id));
    }

    private BookableService bookable(ClinicProfile.Service service) {
        // The window and fees are the owner's policy as it stands now: a change holds from the save on.
        return new BookableService(service, fees.applyTo(service.id(), settings.rulesFor(service.id())));
    }
}
