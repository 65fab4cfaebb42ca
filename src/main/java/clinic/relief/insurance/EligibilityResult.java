package clinic.relief.insurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import clinic.relief.shared.Money;

/** What the payer's last 271 said about a coverage: when, active or not, and the terms it gave. */
public record EligibilityResult(
        Instant checkedAt,
        boolean active,
        String planName,
        Optional<Money> copay,
        Optional<BigDecimal> coinsurancePercent,
        Optional<Money> deductibleRemaining,
        Optional<Integer> visitsAllowed,
        Optional<Integer> visitsRemaining) {}
