package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.List;

import clinic.relief.patients.Patient;

/** A patient's insurance record as the desk's page shows it. */
public record PatientInsurance(Patient patient, List<CoverageChecks> coverages, List<Prescription> prescriptions,
        List<InsuranceWarning> warnings, LocalDate today) {
}
