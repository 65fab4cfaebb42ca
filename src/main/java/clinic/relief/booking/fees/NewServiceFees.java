package clinic.relief.booking.fees;

import clinic.relief.clinic.ServiceAdded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A service the owner adds gets its own entry in the fee policy at once, with the configuration's rules for it (its
 * defaults for a new id), as the profile's services got theirs at the first start: the fee page shows what is stored,
 * and a later change of the configured defaults no longer moves that service's fees unseen. Safe when the event
 * arrives twice (an existing entry is kept).
 */
@Component
class NewServiceFees {

    private final FeePolicy policy;

    NewServiceFees(FeePolicy policy) {
        this.policy = policy;
    }

    @ApplicationModuleListener
    void on(ServiceAdded added) {
        policy.seed(added.serviceId());
    }
}
