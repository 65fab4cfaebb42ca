package clinic.relief.booking.fees;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One service's fee policy: a cancellation less than {@code cancelWindowHours} before the start is late and owes
 * {@code lateCancelPercent} of the session's price; a no-show owes {@code noShowPercent}. Checks itself and refuses
 * to exist with a problem ({@link FeePolicyRefused}).
 */
public record FeeRules(String serviceId, int cancelWindowHours, int lateCancelPercent, int noShowPercent) {

    /** Two weeks: a longer window would make nearly every cancellation late. */
    public static final int MAX_WINDOW_HOURS = 336;

    /** One thing wrong: the service, the field ({@code cancelHours}, {@code lateCancel}, {@code noShow}) and the key. */
    public record Problem(String serviceId, String field, String key) {}

    public FeeRules {
        List<Problem> problems = new ArrayList<>();
        if (cancelWindowHours < 0 || cancelWindowHours > MAX_WINDOW_HOURS) {
            problems.add(new Problem(serviceId, "cancelHours", "booking.fees.error.hours"));
        }
        if (lateCancelPercent < 0 || lateCancelPercent > 100) {
            problems.add(new Problem(serviceId, "lateCancel", "booking.fees.error.percent"));
        }
        if (noShowPercent < 0 || noShowPercent > 100) {
            problems.add(new Problem(serviceId, "noShow", "booking.fees.error.percent"));
        }
        if (!problems.isEmpty()) {
            throw new FeePolicyRefused(problems);
        }
    }

    public Duration cancelWindow() {
        return Duration.ofHours(cancelWindowHours);
    }
}
