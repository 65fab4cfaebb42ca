package clinic.relief.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

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

    private final AuditStore store;
    private final Clock clock;

    ClinicalAudit(AuditStore store, Clock clock) {
        this.store = store;
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

    public void recordAs(
            String actor, String actorRole, AuditAction action, String recordKind, Object recordId, UUID patientId) {
        store.insert(clock.instant(), actor, actorRole, action, recordKind, String.valueOf(recordId), patientId);
    }

    /** The trail of one patient's records, newest first. */
    public List<AuditEntry> trailOfPatient(UUID patientId, int limit) {
        return store.ofPatient(patientId, limit);
    }

    /** The trail of one record, newest first. */
    public List<AuditEntry> trailOfRecord(String recordKind, Object recordId) {
        return store.ofRecord(recordKind, String.valueOf(recordId));
    }

    private static String roleOf(Authentication who) {
        return who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .findFirst()
                .orElse("NONE");
    }
}
