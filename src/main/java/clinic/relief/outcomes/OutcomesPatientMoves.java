package clinic.relief.outcomes;

import java.util.UUID;

import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.stereotype.Repository;

/** Moves a merged duplicate's visits, questionnaire answers and relief-guarantee vouchers to the patient kept, in the merge's transaction. */
@Repository
class OutcomesPatientMoves implements PatientMergeParticipant {

    private final OutcomesPatientMoveStore store;

    OutcomesPatientMoves(OutcomesPatientMoveStore store) {
        this.store = store;
    }

    @Override
    public int moveRecords(UUID duplicate, UUID kept) {
        int moved = store.moveVisits(duplicate, kept);
        moved += store.moveResponses(duplicate, kept);
        moved += store.moveVouchers(duplicate, kept);
        return moved;
    }
}
