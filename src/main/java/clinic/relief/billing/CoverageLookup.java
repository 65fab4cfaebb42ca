package clinic.relief.billing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the quote learns a patient's insurance terms for a date of service. The insurance module implements it;
 * empty means the visit is self-pay.
 */
public interface CoverageLookup {

    Optional<InsuranceTerms> termsFor(UUID patientId, String serviceId, LocalDate dateOfService);
}
