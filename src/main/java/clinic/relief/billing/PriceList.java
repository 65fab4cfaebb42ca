package clinic.relief.billing;

import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Today's list prices from the services menu ({@link ServiceCatalogue}), by service and session length. A quote takes
 * its price from here when the booking is made and the invoice keeps it: a later price change does not touch it.
 */
@Component
public class PriceList {

    private final ServiceCatalogue services;

    public PriceList(ServiceCatalogue services) {
        this.services = services;
    }

    /** The list price; a 422 {@code unknownPrice} when the menu has no such service or length. */
    public Money price(String serviceId, int minutes) {
        return services.find(serviceId)
                .map(s -> s.pricesByLength().get(minutes))
                .map(Money::of)
                .orElseThrow(() -> BillingFailure.unprocessable("unknownPrice", serviceId, minutes));
    }
}
