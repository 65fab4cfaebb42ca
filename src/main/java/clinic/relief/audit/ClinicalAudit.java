package clinic.relief.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Records access to clinical records. Call {@link #record} in the same transaction as the read or change it
 * describes, after the access check passed: a read that fails its check is not a read. The actor is whoever is
 * signed in on the current thread; with nobody signed in (a patient following an e-mailed link, a scheduled job) the
 * caller names the actor with {@link #recordAs}. Rows cannot be changed or deleted (a database trigger refuses it).
 * Thread-safe.
 */
@Service
public class ClinicalAudit {

    private final JdbcClient jdbc;
    private final Clock clock;

    ClinicalAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action by the signed-in user; fails if nobody is signed in, so no access goes unattributed. */
    public void record(AuditAction action, String recordKind, Object recordId, UUID patientId) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who.getName() == null) {
            throw new IllegalStateException("A clinical record was accessed with nobody signed in; use recordAs");
        }
        recordAs(who.getName(), roleOf(who), action, recordKind, recordId, patientId);
    }

    public void recordAs(String actor, String actorRole, AuditAction action, String recordKind, Object recordId,
            UUID patientId) {
        jdbc.sql("""
                insert into clinical_audit (at, actor, actor_role, action, record_kind, record_id, patient_id)
                values (:at, :actor, :role, :action, :kind, :recordId, :patient)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("role", actorRole)
                .param("action", action.name())
                .param("kind", recordKind)
                .param("recordId", String.valueOf(recordId))
                .param("patient", patientId)
                .update();
    }

    /** The trail of one patient's records, newest first. */
    public List<AuditEntry> trailOfPatient(UUID patientId, int limit) {
        return jdbc.sql("""
                select at, actor, actor_role, action, record_kind, record_id, patient_id from clinical_audit
                where patient_id = :patient order by at desc, id desc limit :limit""")
                .param("patient", patientId)
                .param("limit", limit)
                .query(ClinicalAudit::entry)
                .list();
    }

    /** The trail of one record, newest first. */
    public List<AuditEntry> trailOfRecord(String recordKind, Object recordId) {
        return jdbc.sql("""
                select at, actor, actor_role, action, record_kind, record_id, patient_id from clinical_audit
                where record_kind = :kind and record_id = :recordId order by at desc, id desc""")
                .param("kind", recordKind)
                .param("recordId", String.valueOf(recordId))
                .query(ClinicalAudit::entry)
                .list();
    }

    private static String roleOf(Authentication who) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().findFirst().orElse("NONE");
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("actor_role"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("record_kind"), rs.getString("record_id"),
                rs.getObject("patient_id", UUID.class));
    }
}
