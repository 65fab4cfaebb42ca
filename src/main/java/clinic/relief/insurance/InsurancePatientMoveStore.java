package clinic.relief.insurance;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The updates that move a merged duplicate's coverages, prescriptions and claims to the patient kept, one statement
 * each, in the merge's transaction ({@link InsurancePatientMoves}).
 */
@Repository
class InsurancePatientMoveStore {

    private final JdbcClient jdbc;

    InsurancePatientMoveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the duplicate's coverages to the patient kept; returns how many rows moved. */
    int moveCoverages(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update insurance_coverage set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }

    /** Moves the duplicate's prescriptions to the patient kept; returns how many rows moved. */
    int movePrescriptions(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update insurance_prescription set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }

    /** Moves the duplicate's claims to the patient kept; returns how many rows moved. */
    int moveClaims(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update insurance_claim set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }
}
