package clinic.relief.billing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The updates that move a merged duplicate's quotes, invoices, memberships and household shares to the patient
 * kept, one statement each, in the merge's transaction ({@link BillingPatientMoves}).
 */
@Repository
class BillingPatientMoveStore {

    private final JdbcClient jdbc;

    BillingPatientMoveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the duplicate's quotes to the patient kept; returns how many rows moved. */
    int moveQuotes(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update billing_quote set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }

    /** Moves the duplicate's invoices to the patient kept; returns how many rows moved. */
    int moveInvoices(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update billing_invoice set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }

    /** Moves the duplicate's memberships to the patient kept; returns how many rows moved. */
    int moveMemberships(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update billing_membership set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }

    /** Moves the duplicate's household shares to the patient kept; returns how many rows moved. */
    int moveHouseholdShares(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update billing_membership_household set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }
}
