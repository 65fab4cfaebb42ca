package clinic.relief.billing;

import java.util.UUID;

import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Moves a merged duplicate's quotes, invoices, memberships and household shares to the patient kept, in the merge's transaction. */
@Repository
class BillingPatientMoves implements PatientMergeParticipant {

    private final JdbcClient jdbc;

    BillingPatientMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveRecords(UUID duplicate, UUID kept) {
        int moved = move("""
                update billing_quote set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update billing_invoice set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update billing_membership set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update billing_membership_household set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        return moved;
    }

    private int move(String sql, UUID duplicate, UUID kept) {
        return jdbc.sql(sql).param("duplicate", duplicate).param("kept", kept).update();
    }
}
