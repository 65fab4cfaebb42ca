package clinic.relief.insurance;

import java.util.UUID;

import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.stereotype.Repository;

/** Moves a merged duplicate's coverages, prescriptions and claims to the patient kept, in the merge's transaction. */
@Repository
class InsurancePatientMoves implements PatientMergeParticipant {

    private final InsurancePatientMoveStore store;

    InsurancePatientMoves(InsurancePatientMoveStore store) {
        this.store = store;
    }

    @Override
    public int moveRecords(UUID duplicate, UUID kept) {
        int moved = store.moveCoverages(duplicate, kept);
        moved += store.movePrescriptions(duplicate, kept);
        moved += store.moveClaims(duplicate, kept);
        return moved;
    }
}
