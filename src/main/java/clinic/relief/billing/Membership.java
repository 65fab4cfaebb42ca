package clinic.relief.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's membership. {@code endsOn} is set when it is cancelled (the last day billed is the day before);
 * {@code creditsEnd} is when unused credits lapse after that. {@code nextPlanId} takes over at the next charge.
 */
public record Membership(
        UUID id,
        UUID patientId,
        String planId,
        String nextPlanId,
        Status status,
        LocalDate startedOn,
        LocalDate frozenUntil,
        LocalDate cancelRequestedOn,
        LocalDate endsOn,
        Instant creditsEnd) {

    /** Where a membership stands. */
    public enum Status {
        ACTIVE,
        FROZEN,
        CANCELLED
    }

    public boolean isCancelled() {
        return status == Status.CANCELLED;
    }

    public boolean isFrozen() {
        return status == Status.FROZEN;
    }
}
