package clinic.relief.audit;

/** What was done to a clinical record. */
public enum AuditAction {
    READ,
    CREATE,
    AMEND,
    SIGN,
    VOID,
    EXPORT,
    MERGE
}
