package clinic.relief.patients;

import java.time.Instant;
import java.util.UUID;

/** An intake as stored: the answers, which versions of the consent and privacy texts were accepted, and when. */
public record RecordedIntake(
        UUID patientId, Intake answers, String consentVersion, String privacyVersion, Instant consentedAt) {}
