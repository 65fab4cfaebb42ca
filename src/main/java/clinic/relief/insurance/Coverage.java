package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import clinic.relief.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A patient's insurance coverage as the desk recorded it from the card and the payer. {@code visitsAllowed} is per
 * plan year (null: no visit limit); {@code authorization} is null when the payer needs none.
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
        @Nullable Integer visitsAllowed,
        int visitsUsed,
        @Nullable Authorization authorization,
        boolean creditOnInsuredVisit,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    public Coverage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(subscriber, "subscriber");
    }

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public Money deductibleRemaining() {
        return deductible.minus(deductibleMet).max(Money.ZERO);
    }

    public Integer visitsLeft() {
        return visitsAllowed == null ? null : Math.max(0, visitsAllowed - visitsUsed);
    }

    public boolean hasAuthorization() {
        return authorization != null;
    }
}
