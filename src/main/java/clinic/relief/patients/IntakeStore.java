package clinic.relief.patients;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Stores intakes: each one is a version of the health history, kept ({@link IntakeHistory} adds them up). */
@Repository
class IntakeStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    IntakeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an intake stamped with the consent and privacy versions the patient was shown. */
    RecordedIntake record(UUID patientId, Intake intake, String givenBy, ConsentVersions agreed) {
        if (!intake.consentToTreatment() || !intake.acceptsPrivacyNotice()) {
            throw new IllegalArgumentException("An intake needs consent to treatment and the privacy notice");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into patient_intake (id, patient_id, conditions, medications, allergies, recent_surgery,
                                            pregnant, consent_version, privacy_version, consented_at, given_by)
                values (:id, :patient, :conditions, :medications, :allergies, :surgery, :pregnant, :consent,
                        :privacy, :now, :givenBy)
                """)
                .param("id", UUID.randomUUID())
                .param("patient", patientId)
                .param("conditions", intake.conditions())
                .param("medications", intake.medications())
                .param("allergies", intake.allergies())
                .param("surgery", intake.recentSurgery())
                .param("pregnant", intake.pregnant())
                .param("consent", agreed.consent())
                .param("privacy", agreed.privacy())
                .param("now", utc(now))
                .param("givenBy", givenBy)
                .update();
        return new RecordedIntake(patientId, intake, agreed.consent(), agreed.privacy(), now);
    }

    /** The id of the latest intake (the record the audit trail names). */
    Optional<UUID> latestId(UUID patientId) {
        return jdbc.sql("""
                select id from patient_intake where patient_id = :patient order by consented_at desc limit 1""").param("patient", patientId).query(UUID.class).optional();
    }

    /** The current answers: the versions added up ({@link IntakeHistory}), so a blank answer never hides one. */
    Optional<RecordedIntake> latest(UUID patientId) {
        return history(patientId).map(IntakeHistory::current);
    }

    Optional<IntakeHistory> history(UUID patientId) {
        return IntakeHistory.of(
                patientId,
                jdbc.sql("""
                                select conditions, medications, allergies, recent_surgery, pregnant, consent_version,
                                       privacy_version, consented_at, given_by
                                from patient_intake where patient_id = :patient order by consented_at, id
                                """)
                        .param("patient", patientId)
                        .query((rs, row) -> new IntakeHistory.StoredVersion(
                                new RecordedIntake(
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
                                        rs.getObject("consented_at", OffsetDateTime.class)
                                                .toInstant()),
                                rs.getString("given_by")))
                        .list());
    }
}
