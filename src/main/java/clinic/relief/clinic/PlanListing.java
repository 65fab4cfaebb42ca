package clinic.relief.clinic;

import java.util.List;
import java.util.Locale;

import clinic.relief.shared.Money;

/**
 * The member plans on offer, provided by the billing module, for the public insurance page: its prices come from the
 * plans the clinic sells, not from copy.
 */
public interface PlanListing {

    /** The plans on offer now, in the visitor's language; none if the clinic sells none. */
    List<ListedPlan> listed(Locale locale);

    /** A plan as the public sees it: its name, monthly fee and what each month includes. */
    record ListedPlan(String name, Money monthlyFee, List<Included> included) {

        public ListedPlan {
            included = List.copyOf(included);
        }
    }

    /** Sessions a month of one service and length. */
    record Included(String serviceId, int minutes, int count) {}
}
