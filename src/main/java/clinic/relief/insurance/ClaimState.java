package clinic.relief.insurance;

/** Where a claim stands, from the desk's draft to the payer's answer. */
public enum ClaimState {
    DRAFT,
    READY,
    SUBMITTED,
    PAID,
    PARTLY_PAID,
    DENIED,
    APPEALED;

    /** States the payer has answered. */
    public boolean settled() {
        return this == PAID || this == PARTLY_PAID || this == DENIED;
    }
}
