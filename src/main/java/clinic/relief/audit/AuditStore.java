package clinic.relief.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static clinic.relief.shared.Timestamps.utc;

/** Rows of {@code clinical_audit}: written once, never changed. */
@Repository
class AuditStore {

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            Instant at,
            String actor,
            String actorRole,
            AuditAction action,
            String recordKind,
            String recordId,
            UUID patientId) {
        jdbc.sql("""
                insert into clinical_audit (at, actor, actor_role, action, record_kind, record_id, patient_id)
                values (:at, :actor, :role, :action, :kind, :recordId, :patient)""")
                .param("at", utc(at))
                .param("actor", actor)
                .param("role", actorRole)
                .param("action", action.name())
                .param("kind", recordKind)
                .param("recordId", recordId)
                .param("patient", patientId)
                .update();
    }

    /** The trail of one patient's records, newest first. */
    List<AuditEntry> ofPatient(UUID patientId, int limit) {
        return jdbc.sql("""
                select at, actor, actor_role, action, record_kind, record_id, patient_id from clinical_audit
                where patient_id = :patient order by at desc, id desc limit :limit""")
                .param("patient", patientId)
                .param("limit", limit)
                .query(AuditStore::entry)
                .list();
    }

    /** The trail of one record, newest first. */
    List<AuditEntry> ofRecord(String recordKind, String recordId) {
        return jdbc.sql("""
                select at, actor, actor_role, action, record_kind, record_id, patient_id from clinical_audit
                where record_kind = :kind and record_id = :recordId order by at desc, id desc""")
                .param("kind", recordKind)
                .param("recordId", recordId)
                .query(AuditStore::entry)
                .list();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("actor_role"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("record_kind"),
                rs.getString("record_id"),
                rs.getObject("patient_id", UUID.class));
    }
}
