package clinic.relief.outcomes;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The updates that move a merged duplicate's visits, questionnaire answers and relief-guarantee vouchers to the patient
 * kept, one statement each, in the merge's transaction ({@link OutcomesPatientMoves}).
 */
@Repository
class OutcomesPatientMoveStore {

    private final JdbcClient jdbc;

    OutcomesPatientMoveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the duplicate's visits to the patient kept; returns how many rows moved. */
    int moveVisits(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update outcomes_visit set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }

    /** Moves the duplicate's questionnaire answers to the patient kept; returns how many rows moved. */
    int moveResponses(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update outcomes_response set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }

    /** Moves the duplicate's relief-guarantee vouchers to the patient kept; returns how many rows moved. */
    int moveVouchers(UUID duplicate, UUID kept) {
        return jdbc.sql("""
                        update outcomes_voucher set patient_id = :kept where patient_id = :duplicate""").param("duplicate", duplicate).param("kept", kept).update();
    }
}
