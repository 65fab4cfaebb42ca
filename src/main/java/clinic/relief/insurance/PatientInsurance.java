package clinic.relief.insurance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import clinic.relief.patients.Patient;

/** A patient's insurance record as the desk's page shows it; times in the clinic's zone. */
public record PatientInsurance(
        Patient patient,
        List<CoverageChecks> coverages,
        List<Prescription> prescriptions,
        List<InsuranceWarning> warnings,
        LocalDate today,
        ZoneId zone) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** When the check was made, in the clinic's zone. */
    public String when(EligibilityCheck check) {
        return WHEN.format(check.checkedAt().atZone(zone));
    }
}
