package clinic.relief.billing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Component;

/** List prices from the clinic profile's services menu, by service and session length. */
@Component
public class PriceList {

    private final Map<String, Map<Integer, BigDecimal>> prices;

    public PriceList(ClinicProfile clinic) {
        this.prices = clinic.services().stream()
                .collect(Collectors.toUnmodifiableMap(ClinicProfile.Service::id, ClinicProfile.Service::prices));
    }

    /** The list price; a 422 {@code unknownPrice} when the menu has no such service or length. */
    public Money price(String serviceId, int minutes) {
        BigDecimal price = prices.getOrDefault(serviceId, Map.of()).get(minutes);
        if (price == null) {
            throw BillingFailure.unprocessable("unknownPrice", serviceId, minutes);
        }
        return Money.of(price);
    }
}
