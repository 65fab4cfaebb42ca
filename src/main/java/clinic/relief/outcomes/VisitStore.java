package clinic.relief.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.patients.VerificationToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** The stored visits. */
@Repository
class VisitStore {

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a visit once, with the SHA-256 of its client link; a repeated completion of the same appointment changes
     * nothing. Numbers it per client.
     */
    boolean add(Visit v, String linkHash, Instant now) {
        return jdbc.sql("""
                insert into outcomes_visit (appointment_id, patient_id, therapist_id, service_id, minutes, started_at,
                    assessment_id, visit_number, link_token_hash, link_expires_at, completed_at)
                values (:id, :patient, :therapist, :service, :minutes, :start, :assessment,
                    (select count(*) + 1 from outcomes_visit where patient_id = :patient), :token, :expires, :now)
                on conflict (appointment_id) do nothing""")
                        .param("id", v.appointmentId())
                        .param("patient", v.patientId())
                        .param("therapist", v.therapistId())
                        .param("service", v.serviceId())
                        .param("minutes", v.minutes())
                        .param("start", utc(v.start()))
                        .param("assessment", v.assessmentId())
                        .param("token", linkHash)
                        .param("expires", utc(v.linkExpiresAt()))
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    Optional<Visit> find(UUID appointmentId) {
        return jdbc.sql("""
                select appointment_id, patient_id, therapist_id, service_id, minutes, started_at, assessment_id,
                    visit_number, link_expires_at
                from outcomes_visit where appointment_id = :id""").param("id", appointmentId).query(VisitStore::visit).optional();
    }

    /** The visit whose client link is this token (any string, even a forged one, is looked up by its hash). */
    Optional<Visit> byToken(String token) {
        return jdbc.sql("""
                select appointment_id, patient_id, therapist_id, service_id, minutes, started_at, assessment_id,
                    visit_number, link_expires_at
                from outcomes_visit where link_token_hash = :hash""")
                .param("hash", VerificationToken.hash(token))
                .query(VisitStore::visit)
                .optional();
    }

    /** Replaces the visit's client link (the one handed out before stops working); its expiry stays. */
    boolean replaceLink(UUID appointmentId, String linkHash) {
        return jdbc.sql("update outcomes_visit set link_token_hash = :hash where appointment_id = :id")
                        .param("hash", linkHash)
                        .param("id", appointmentId)
                        .update()
                == 1;
    }

    List<Visit> ofPatient(UUID patientId) {
        return jdbc.sql("""
                select appointment_id, patient_id, therapist_id, service_id, minutes, started_at, assessment_id,
                    visit_number, link_expires_at
                from outcomes_visit where patient_id = :p order by started_at""").param("p", patientId).query(VisitStore::visit).list();
    }

    List<Visit> ofTherapistBetween(UUID therapistId, Instant from, Instant to) {
        return jdbc.sql("""
                select appointment_id, patient_id, therapist_id, service_id, minutes, started_at, assessment_id,
                    visit_number, link_expires_at
                from outcomes_visit
                where (cast(:t as uuid) is null or therapist_id = :t) and started_at >= :from and started_at < :to
                order by started_at""")
                .param("t", therapistId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(VisitStore::visit)
                .list();
    }

    /** Whether this therapist has seen this client: what lets a therapist read the client's notes. */
    boolean hasTreated(UUID therapistId, UUID patientId) {
        return jdbc.sql("select exists (select 1 from outcomes_visit where therapist_id = :t and patient_id = :p)")
                .param("t", therapistId)
                .param("p", patientId)
                .query(Boolean.class)
                .single();
    }

    private static Visit visit(ResultSet rs, int row) throws SQLException {
        return new Visit(
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("therapist_id", UUID.class),
                rs.getString("service_id"),
                rs.getInt("minutes"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("assessment_id", UUID.class),
                rs.getInt("visit_number"),
                rs.getObject("link_expires_at", OffsetDateTime.class).toInstant());
    }
}
