package clinic.relief.workspace.today;

import java.util.List;
import java.util.Optional;

import clinic.relief.outcomes.TreatmentSummaries;
import org.jspecify.annotations.Nullable;

/**
 * One of a therapist's clients today: the visit, the pain finder's suggestions the client booked with (muscle and
 * side, best first; {@code finderReferral} when its red-flag screen advised a doctor first) and the treatment summary
 * the notes' rule lets this therapist read (empty when it does not).
 *
 * @param noteHref the visit's note once the visit is completed, else null
 */
record ClientCard(
        String time,
        String client,
        String what,
        String status,
        String href,
        @Nullable String noteHref,
        boolean cameWithFinder,
        List<String> finderMuscles,
        boolean finderReferral,
        Optional<TreatmentSummaries.Summary> summary) {}
