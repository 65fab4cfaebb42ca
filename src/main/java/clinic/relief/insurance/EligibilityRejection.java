package clinic.relief.insurance;

import java.time.Instant;
import java.util.List;

/**
 * A payer's AAA answer to a coverage's 270, from a 271 that changed none of its terms: when, the reject reasons
 * (AAA03: 72 invalid member id, 73 invalid name, 75 subscriber not found ...) and the follow-ups (AAA04: C correct and
 * resubmit, N do not resubmit ...), in the order the 271 gave them.
 */
public record EligibilityRejection(Instant rejectedAt, List<String> reasons, List<String> followUps) {

    public EligibilityRejection {
        reasons = List.copyOf(reasons);
        followUps = List.copyOf(followUps);
    }
}
