package clinic.relief.billing;

import java.math.BigDecimal;
import java.util.Objects;

import clinic.relief.shared.Money;

/**
 * What a patient's coverage says about one visit, as the quote needs it: the copay, the coinsurance share the
 * patient pays after the deductible (20 for 20 %), the deductible still to meet this plan year, the payer's allowed
 * amount for the visit if known (otherwise the list price is the basis), and whether the plan lets a membership
 * credit pay the patient's share of an insured visit.
 */
public record InsuranceTerms(
        String payerName,
        Money copay,
        BigDecimal coinsurancePercent,
        Money deductibleRemaining,
        Money allowedAmount,
        boolean membershipCreditAllowed) {

    public InsuranceTerms {
        Objects.requireNonNull(payerName, "payerName");
        copay = Objects.requireNonNull(copay, "copay").requireNotNegative("A copay");
        deductibleRemaining = Objects.requireNonNull(deductibleRemaining, "deductibleRemaining")
                .requireNotNegative("The deductible remaining");
        if (coinsurancePercent.signum() < 0 || coinsurancePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("Coinsurance is a percentage from 0 to 100: " + coinsurancePercent);
        }
        if (allowedAmount != null) {
            allowedAmount.requireNotNegative("The allowed amount");
        }
    }
}
