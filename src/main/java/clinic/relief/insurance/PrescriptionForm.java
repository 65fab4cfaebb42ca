package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The prescription form: the referring provider, their NPI, the diagnoses as typed (comma or space separated, the
 * principal one first), frequency, duration and dates. NPI and codes are checked by {@link Npi} and {@link Icd10},
 * whose reasons the page shows as field errors.
 */
public record PrescriptionForm(
        @NotBlank(message = "{insurance.form.required}") @Size(max = 80)
        String referringFirstName,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 80)
        String referringLastName,

        @NotBlank(message = "{insurance.form.required}") String referringNpi,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 200)
        String diagnoses,

        @NotBlank(message = "{insurance.form.required}") @Size(max = 80)
        String frequency,

        @NotNull(message = "{insurance.form.required}")
        @Min(value = 1, message = "{insurance.form.positive}")
        @Max(value = 104, message = "{insurance.form.positive}")
        Integer durationWeeks,

        @NotNull(message = "{insurance.form.required}") @DateTimeFormat(iso = ISO.DATE)
        LocalDate writtenOn,

        @NotNull(message = "{insurance.form.required}") @DateTimeFormat(iso = ISO.DATE)
        LocalDate expiresOn) {

    public static PrescriptionForm blank(LocalDate today) {
        return new PrescriptionForm(null, null, null, null, null, 6, today, today.plusDays(90));
    }

    @AssertTrue(message = "{insurance.form.expiryAfterWritten}")
    public boolean isExpiryAfterWritten() {
        return writtenOn == null || expiresOn == null || !expiresOn.isBefore(writtenOn);
    }

    /** The diagnosis codes as typed, split; each is checked when the prescription is built. */
    List<String> diagnosisCodes() {
        return Arrays.stream(diagnoses.split("[,;\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
    }

    /** What is wrong with the NPI and the first wrong diagnosis code, for field errors; empty when both are fine. */
    List<InvalidCode> codeProblems() {
        List<InvalidCode> problems = new ArrayList<>();
        try {
            new Npi(referringNpi);
        } catch (InvalidCode invalid) {
            problems.add(invalid);
        }
        for (String code : diagnosisCodes()) {
            try {
                new Icd10(code);
            } catch (InvalidCode invalid) {
                problems.add(invalid);
                break;
            }
        }
        return problems;
    }

    /** The prescription; throws {@link InvalidCode} for a bad NPI or diagnosis. */
    Prescription toPrescription(UUID id, UUID patientId) {
        List<Icd10> codes = diagnosisCodes().stream().map(Icd10::new).distinct().toList();
        if (codes.size() > 12) {
            throw new InvalidCode("icdTooMany", String.valueOf(codes.size()), "12");
        }
        return new Prescription(
                id,
                patientId,
                referringFirstName.strip(),
                referringLastName.strip(),
                new Npi(referringNpi),
                codes,
                frequency.strip(),
                durationWeeks,
                writtenOn,
                expiresOn);
    }
}
