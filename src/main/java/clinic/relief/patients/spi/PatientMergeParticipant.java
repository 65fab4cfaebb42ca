package clinic.relief.patients.spi;

import java.util.UUID;

/**
 * A module holding records of patients: when the owner merges a duplicate into the patient kept, every participant
 * moves the duplicate's records to the kept patient. Called inside the merge's transaction, with both patient rows
 * locked; a participant that cannot move something throws {@link clinic.relief.patients.MergeRefused} and the whole
 * merge rolls back.
 */
public interface PatientMergeParticipant {

    /** Moves every record of {@code duplicate} to {@code kept}; returns how many rows moved, for the audit trail. */
    int moveRecords(UUID duplicate, UUID kept);
}
