package clinic.relief.insurance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What may stop an insured visit on a date from being paid: visits or authorization used up or close to it,
 * authorization or prescription expired or about to, no eligibility check or an inactive one. Pure.
 */
final class InsuranceWarnings {

    static final int FEW_VISITS = 2;
    static final int SOON_DAYS = 14;

    private InsuranceWarnings() {}

    static List<InsuranceWarning> of(
            Coverage coverage, List<Prescription> prescriptions, Optional<EligibilityCheck> lastCheck, LocalDate date) {
        List<InsuranceWarning> warnings = new ArrayList<>();
        coverage.visitsLeft().ifPresent(left -> visits(left, "visits", warnings));
        if (coverage.authorization() != null) {
            authorization(coverage.authorization(), date, warnings);
        }
        prescription(prescriptions, date, warnings);
        if (lastCheck.isEmpty()) {
            warnings.add(InsuranceWarning.of("eligibilityNotChecked"));
        } else if (!lastCheck.get().active()) {
            warnings.add(InsuranceWarning.of("eligibilityInactive"));
        }
        return warnings;
    }

    private static void authorization(Authorization auth, LocalDate date, List<InsuranceWarning> warnings) {
        if (auth.to() != null && date.isAfter(auth.to())) {
            warnings.add(InsuranceWarning.of("authorizationExpired", auth.to().toString()));
            return;
        }
        if (auth.from() != null && date.isBefore(auth.from())) {
            warnings.add(
                    InsuranceWarning.of("authorizationNotStarted", auth.from().toString()));
        }
        visits(auth.visitsLeft(), "authorizationVisits", warnings);
        if (auth.to() != null && !date.plusDays(SOON_DAYS).isBefore(auth.to())) {
            warnings.add(InsuranceWarning.of("authorizationEndsSoon", auth.to().toString()));
        }
    }

    private static void visits(Integer left, String what, List<InsuranceWarning> warnings) {
        if (left == null) {
            return;
        }
        if (left == 0) {
            warnings.add(InsuranceWarning.of(what + "UsedUp"));
        } else if (left <= FEW_VISITS) {
            warnings.add(InsuranceWarning.of(what + "Low", left));
        }
    }

    private static void prescription(
            List<Prescription> prescriptions, LocalDate date, List<InsuranceWarning> warnings) {
        Optional<Prescription> valid =
                prescriptions.stream().filter(p -> p.validOn(date)).findFirst();
        if (valid.isPresent()) {
            if (!date.plusDays(SOON_DAYS).isBefore(valid.get().expiresOn())) {
                warnings.add(InsuranceWarning.of(
                        "prescriptionExpiresSoon", valid.get().expiresOn().toString()));
            }
            return;
        }
        prescriptions.stream()
                .filter(p -> p.expiresOn().isBefore(date))
                .findFirst()
                .ifPresentOrElse(
                        expired -> warnings.add(InsuranceWarning.of(
                                "prescriptionExpired", expired.expiresOn().toString())),
                        () -> warnings.add(InsuranceWarning.of("noPrescription")));
    }
}
