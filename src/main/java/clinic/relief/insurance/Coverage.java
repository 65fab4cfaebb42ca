package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A patient's insurance coverage as the desk recorded it from the card and the payer. {@code visitsAllowed} is per
 * plan year ({@link VisitLimit#UNLIMITED} when the plan has no visit limit); {@code authorization} is null when the
 * payer needs none.
 */
public record Coverage(
        UUID id,
        UUID patientId,
        String payerName,
        String payerId,
        String planType,
        String memberId,
        String groupNumber,
        Subscriber subscriber,
        Money copay,
        BigDecimal coinsurancePercent,
        Money deductible,
        Money deductibleMet,
        LocalDate planYearStart,
        VisitLimit visitsAllowed,
        int visitsUsed,
        @Nullable Authorization authorization,
        boolean creditOnInsuredVisit,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    public Coverage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(visitsAllowed, "visitsAllowed");
    }

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public Money deductibleRemaining() {
        return deductible.minus(deductibleMet).max(Money.ZERO);
    }

    /** The visits left this plan year; empty when there is no visit limit. */
    public OptionalInt visitsLeft() {
        return visitsAllowed.left(visitsUsed);
    }

    public boolean hasAuthorization() {
        return authorization != null;
    }
}
