package clinic.relief.billing;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plans on offer, with their credits and member prices. */
@Service
public class Plans {

    private final PlanStore store;

    Plans(PlanStore store) {
        this.store = store;
    }

    public List<Plan> offered() {
        return store.offered();
    }

    public Plan get(String id) {
        return store.find(id).orElseThrow(() -> new UnknownPlan(id));
    }

    /** Creates or replaces a plan with its credits and member prices. */
    @Transactional
    public void save(Plan plan) {
        store.save(plan);
    }
}
