package clinic.relief.insurance;

import java.util.UUID;

import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Moves a merged duplicate's coverages, prescriptions and claims to the patient kept, in the merge's transaction. */
@Repository
class InsurancePatientMoves implements PatientMergeParticipant {

    private final JdbcClient jdbc;

    InsurancePatientMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveRecords(UUID duplicate, UUID kept) {
        int moved = move("""
                update insurance_coverage set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update insurance_prescription set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update insurance_claim set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        return moved;
    }

    private int move(String sql, UUID duplicate, UUID kept) {
        return jdbc.sql(sql).param("duplicate", duplicate).param("kept", kept).update();
    }
}
