package clinic.relief.outcomes;

import java.util.UUID;

import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Moves a merged duplicate's visits, questionnaire answers and relief-guarantee vouchers to the patient kept, in the merge's transaction. */
@Repository
class OutcomesPatientMoves implements PatientMergeParticipant {

    private final JdbcClient jdbc;

    OutcomesPatientMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveRecords(UUID duplicate, UUID kept) {
        int moved = move("""
                update outcomes_visit set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update outcomes_response set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        moved += move("""
                update outcomes_voucher set patient_id = :kept where patient_id = :duplicate""", duplicate, kept);
        return moved;
    }

    private int move(String sql, UUID duplicate, UUID kept) {
        return jdbc.sql(sql).param("duplicate", duplicate).param("kept", kept).update();
    }
}
