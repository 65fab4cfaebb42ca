package clinic.relief.insurance;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the desk heard from the payer when checking eligibility. */
public record EligibilityForm(
        @NotNull(message = "{insurance.form.required}") Boolean active,

        @Min(value = 0, message = "{insurance.form.notNegative}")
        Integer visitsLeft,

        @Size(max = 80) String reference,
        @Size(max = 500) String note) {}
