package clinic.relief.billing;

import java.util.UUID;

import clinic.relief.patients.spi.PatientMergeParticipant;
import org.springframework.stereotype.Repository;

/** Moves a merged duplicate's quotes, invoices, memberships and household shares to the patient kept, in the merge's transaction. */
@Repository
class BillingPatientMoves implements PatientMergeParticipant {

    private final BillingPatientMoveStore store;

    BillingPatientMoves(BillingPatientMoveStore store) {
        this.store = store;
    }

    @Override
    public int moveRecords(UUID duplicate, UUID kept) {
        int moved = store.moveQuotes(duplicate, kept);
        moved += store.moveInvoices(duplicate, kept);
        moved += store.moveMemberships(duplicate, kept);
        moved += store.moveHouseholdShares(duplicate, kept);
        return moved;
    }
}
