package clinic.relief.booking.schedule;

import java.util.List;

import clinic.relief.booking.BookableService;
import clinic.relief.booking.BookingSettings;
import clinic.relief.booking.UnknownService;
import clinic.relief.clinic.ClinicProfile;
import org.springframework.stereotype.Component;

/** The clinic profile's services, each with its booking rules. */
@Component
public class Catalogue {

    private final List<BookableService> services;

    Catalogue(ClinicProfile clinic, BookingSettings settings) {
        this.services = clinic.services().stream()
                .map(service -> new BookableService(service, settings.rulesFor(service.id())))
                .toList();
    }

    public List<BookableService> all() {
        return services;
    }

    public BookableService get(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new UnknownService(id));
    }
}
