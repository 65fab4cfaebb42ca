package clinic.relief.billing;

import java.util.Objects;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * Published by the insurance module when a payer's remittance (835) settles what the patient owes for a visit;
 * billing moves {@code amount} onto the patient's balance as an invoice line. {@code reference} identifies the
 * remittance line so that importing the same file twice posts nothing twice.
 */
public record PatientShareDetermined(UUID patientId, UUID appointmentId, Money amount, String reference) {

    public PatientShareDetermined {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount").requireNotNegative("A patient share");
    }
}
