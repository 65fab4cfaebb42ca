package clinic.relief.patients;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Stores intakes; each one is kept, the newest counts. */
@Repository
class IntakeStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String consentVersion;
    private final String privacyVersion;

    IntakeStore(
            JdbcClient jdbc,
            Clock clock,
            @Value("${relief.patients.consent-version}") String consentVersion,
            @Value("${relief.patients.privacy-version}") String privacyVersion) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.consentVersion = consentVersion;
        this.privacyVersion = privacyVersion;
    }

    RecordedIntake record(UUID patientId, Intake intake) {
        if (!intake.consentToTreatment() || !intake.acceptsPrivacyNotice()) {
            throw new IllegalArgumentException("An intake needs consent to treatment and the privacy notice");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into patient_intake (id, patient_id, conditions, medications, allergies, recent_surgery,
                                            pregnant, consent_version, privacy_version, consented_at)
                values (:id, :patient, :conditions, :medications, :allergies, :surgery, :pregnant, :consent,
                        :privacy, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("patient", patientId)
                .param("conditions", intake.conditions())
                .param("medications", intake.medications())
                .param("allergies", intake.allergies())
                .param("surgery", intake.recentSurgery())
                .param("pregnant", intake.pregnant())
                .param("consent", consentVersion)
                .param("privacy", privacyVersion)
                .param("now", utc(now))
                .update();
        return new RecordedIntake(patientId, intake, consentVersion, privacyVersion, now);
    }

    /** The id of the latest intake (the record the audit trail names). */
    Optional<UUID> latestId(UUID patientId) {
        return jdbc.sql("""
                select id from patient_intake where patient_id = :patient order by consented_at desc limit 1""").param("patient", patientId).query(UUID.class).optional();
    }

    Optional<RecordedIntake> latest(UUID patientId) {
        return jdbc.sql("""
                select conditions, medications, allergies, recent_surgery, pregnant, consent_version,
                       privacy_version, consented_at
                from patient_intake where patient_id = :patient order by consented_at desc limit 1
                """)
                .param("patient", patientId)
                .query((rs, row) -> new RecordedIntake(
                        patientId,
                        new Intake(
                                rs.getString("conditions"),
                                rs.getString("medications"),
                                rs.getString("allergies"),
                                rs.getString("recent_surgery"),
                                rs.getBoolean("pregnant"),
                                true,
                                true),
                        rs.getString("consent_version"),
                        rs.getString("privacy_version"),
                        rs.getObject("consented_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
