package clinic.relief.painmap;

import java.util.List;
import java.util.Objects;

/**
 * A muscle's texts in one language ({@code texts/muscles.<lang>.yml}): one set for lay readers, one for
 * therapists. Every field is required and non-blank.
 */
public record MuscleTexts(Lay lay, Therapist therapist) {

    public MuscleTexts {
        Objects.requireNonNull(lay, "lay");
        Objects.requireNonNull(therapist, "therapist");
    }

    /** For the person: where the trigger points lie, where they send pain, causes, how they feel, care. */
    public record Lay(
            String where,
            String refers,
            String causes,
            String latent,
            String active,
            String session,
            List<String> selfCare) {

        public Lay {
            require(where, "lay.where");
            require(refers, "lay.refers");
            require(causes, "lay.causes");
            require(latent, "lay.latent");
            require(active, "lay.active");
            require(session, "lay.session");
            if (selfCare == null || selfCare.isEmpty()) {
                throw new IllegalArgumentException("lay.selfCare is missing or empty");
            }
            selfCare.forEach(tip -> require(tip, "lay.selfCare item"));
            selfCare = List.copyOf(selfCare);
        }
    }

    /** For the therapist: trigger point sites, referral zones, perpetuating factors and notes. */
    public record Therapist(String where, String refers, String causes, String notes) {

        public Therapist {
            require(where, "therapist.where");
            require(refers, "therapist.refers");
            require(causes, "therapist.causes");
            require(notes, "therapist.notes");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing or blank");
        }
    }
}
