package clinic.relief.outcomes;

import java.util.List;

/** A visit's note: its versions oldest first and, per amendment, what it changed. */
public record NoteHistory(Visit visit, List<TreatmentNote> versions, List<NoteChanges> changes) {

    public TreatmentNote latest() {
        return versions.get(versions.size() - 1);
    }
}
