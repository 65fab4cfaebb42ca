package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A prescription or referral for massage from a provider who can diagnose: the referring provider and NPI, the
 * ICD-10-CM diagnoses (the first is the principal one), how often and how long, and when it expires.
 */
public record Prescription(
        UUID id,
        UUID patientId,
        String referringFirstName,
        String referringLastName,
        Npi referringNpi,
        List<Icd10> diagnoses,
        String frequency,
        int durationWeeks,
        LocalDate writtenOn,
        LocalDate expiresOn) {

    public Prescription {
        Objects.requireNonNull(id, "id");
        diagnoses = List.copyOf(diagnoses);
        if (diagnoses.isEmpty() || diagnoses.size() > 12) {
            throw new IllegalArgumentException("A prescription names 1 to 12 diagnoses");
        }
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(writtenOn) && !date.isAfter(expiresOn);
    }

    public String referringName() {
        return referringFirstName + " " + referringLastName;
    }
}
