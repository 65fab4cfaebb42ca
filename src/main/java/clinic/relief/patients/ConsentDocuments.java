package clinic.relief.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import clinic.relief.clinic.ClinicProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The versions of the consent and privacy documents in effect today (the ones every form that asks for consent
 * links), falling back to the configured {@code relief.patients.consent-version} and {@code privacy-version} for a
 * kind with no document in effect. Thread-safe.
 */
@Component
class ConsentDocuments {

    private final IntakeFormStore store;
    private final ClinicProfile clinic;
    private final Clock clock;
    private final ConsentVersions configured;

    ConsentDocuments(
            IntakeFormStore store,
            ClinicProfile clinic,
            Clock clock,
            @Value("${relief.patients.consent-version}") String consentVersion,
            @Value("${relief.patients.privacy-version}") String privacyVersion) {
        this.store = store;
        this.clinic = clinic;
        this.clock = clock;
        this.configured = new ConsentVersions(consentVersion, privacyVersion);
    }

    ConsentVersions versionsInEffect() {
        List<IntakeDocument> documents =
                store.documentsInEffect(LocalDate.ofInstant(clock.instant(), clinic.zone()), "en");
        return new ConsentVersions(
                versionOf(documents, "CONSENT").orElse(configured.consent()),
                versionOf(documents, "PRIVACY").orElse(configured.privacy()));
    }

    private static Optional<String> versionOf(List<IntakeDocument> documents, String kind) {
        return documents.stream()
                .filter(d -> d.kind().equals(kind))
                .map(IntakeDocument::version)
                .findFirst();
    }
}
