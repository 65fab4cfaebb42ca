package clinic.relief.booking;

import java.util.List;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.stereotype.Component;

/** The clinic profile's services, each with its booking rules. */
@Component
class Catalogue {

    private final List<BookableService> services;

    Catalogue(ClinicProfile clinic, BookingSettings settings) {
        this.services = clinic.services().stream()
                .map(service -> new BookableService(service, settings.rulesFor(service.id())))
                .toList();
    }

    List<BookableService> all() {
        return services;
    }

    BookableService get(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new UnknownService(id));
    }
}
