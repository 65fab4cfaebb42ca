package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.CoverageLookup;
import clinic.relief.billing.InsuranceTerms;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing's view of a patient's insurance for a quote: the terms of the coverage in force on the date of service,
 * when the service is one the clinic bills to insurance. The allowed amount is not known before the payer's
 * remittance, so it is left out (billing then estimates from the list price).
 */
@Component
class CoverageTerms implements CoverageLookup {

    private final CoverageStore coverages;
    private final BillingProvider provider;

    CoverageTerms(CoverageStore coverages, BillingProvider provider) {
        this.coverages = coverages;
        this.provider = provider;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InsuranceTerms> termsFor(UUID patientId, String serviceId, LocalDate dateOfService) {
        if (provider.codeFor(serviceId).isEmpty()) {
            return Optional.empty();
        }
        return coverages
                .activeOn(patientId, dateOfService)
                .map(c -> new InsuranceTerms(
                        c.payerName(),
                        c.copay(),
                        c.coinsurancePercent(),
                        c.deductibleRemaining(),
                        null,
                        c.creditOnInsuredVisit()));
    }
}
