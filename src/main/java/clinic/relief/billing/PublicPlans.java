package clinic.relief.billing;

import java.util.List;
import java.util.Locale;

import clinic.relief.clinic.PlanListing;
import org.springframework.stereotype.Component;

/** The plans on offer as the public insurance page lists them: name, monthly fee and the sessions each month includes. */
@Component
class PublicPlans implements PlanListing {

    private final Plans plans;

    PublicPlans(Plans plans) {
        this.plans = plans;
    }

    @Override
    public List<ListedPlan> listed(Locale locale) {
        return plans.offered().stream()
                .map(p -> new ListedPlan(
                        p.name(locale),
                        p.monthlyFee(),
                        p.credits().stream()
                                .map(c -> new Included(c.serviceId(), c.minutes(), c.count()))
                                .toList()))
                .toList();
    }
}
