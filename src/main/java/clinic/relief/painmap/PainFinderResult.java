package clinic.relief.painmap;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of the pain finder.
 *
 * @param knowledgeBaseVersion the data version the ranking used (store it with a saved assessment)
 * @param referral the red-flag referral, or null when no flag was ticked; when present the page leads with it
 * @param doctorFirstNotes the "have this checked by a doctor first" notes that apply (chest, arm, tingling),
 *     with or without a referral
 * @param candidates the muscles worth checking, best first; only muscles that explain a marked region
 * @param combination the smallest set of muscles that together explain the map, and what stays unexplained
 */
public record PainFinderResult(
        String knowledgeBaseVersion,
        @Nullable Referral referral,
        List<DoctorNote> doctorFirstNotes,
        List<Candidate> candidates,
        Combination combination) {

    public PainFinderResult {
        doctorFirstNotes = List.copyOf(doctorFirstNotes);
        candidates = List.copyOf(candidates);
    }
}
