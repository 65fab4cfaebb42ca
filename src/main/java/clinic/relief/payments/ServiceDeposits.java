package clinic.relief.payments;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deposit each service asks for when booked online (table {@code payments_service_deposit}; a service without a
 * row asks for nothing). The rule is kept whether or not Stripe is configured; without Stripe no deposit is asked
 * ({@link #asked}).
 */
@Service
public class ServiceDeposits {

    private final ServiceDepositStore store;
    private final StripeGateway stripe;
    private final Clock clock;

    ServiceDeposits(ServiceDepositStore store, StripeGateway stripe, Clock clock) {
        this.store = store;
        this.stripe = stripe;
        this.clock = clock;
    }

    /** Whether deposits are asked at all: only with a Stripe key. */
    public boolean asked() {
        return stripe.enabled();
    }

    /** The service's rule; {@link DepositRule.None} when none was set. */
    @Transactional(readOnly = true)
    public DepositRule ruleFor(String serviceId) {
        return store.ruleFor(serviceId).orElseGet(DepositRule.None::new);
    }

    /** Every service's rule that is set, by service id. */
    @Transactional(readOnly = true)
    public Map<String, DepositRule> rules() {
        return store.rules().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Sets a service's rule ({@code by} is the owner's e-mail); {@link DepositRule.None} removes it. */
    @Transactional
    public void set(String serviceId, DepositRule rule, String by) {
        if (rule instanceof DepositRule.None) {
            store.delete(serviceId);
            return;
        }
        store.save(serviceId, rule, by, clock.instant());
    }
}
