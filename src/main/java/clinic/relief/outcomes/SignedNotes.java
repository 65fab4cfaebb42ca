package clinic.relief.outcomes;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a visit's treatment note is signed, for insurance: a claim is ready only once its visit's note is signed.
 * Answers yes or no and reads nothing of the note's content, so it is not a clinical read. Thread-safe.
 */
@Service
public class SignedNotes {

    private final NoteStore notes;

    SignedNotes(NoteStore notes) {
        this.notes = notes;
    }

    /** True when the latest version of the visit's note is signed and the note is not voided. */
    @Transactional(readOnly = true)
    public boolean signed(UUID appointmentId) {
        return notes.signedAndValid(appointmentId);
    }
}
