package clinic.relief.outcomes;

import java.util.Objects;

import clinic.relief.painmap.Side;

/**
 * A trigger point the therapist found: the muscle (a knowledge base id), the side (the client's own), active or
 * latent, tenderness on palpation 0 (none) to 3 (severe, with a jump sign), and whether pressing it reproduced the
 * client's referred pain. Whether the muscle id exists is checked by {@link TreatmentNotes} against the knowledge base.
 */
public record Finding(String muscle, Side side, boolean active, int tenderness, boolean referralReproduced) {

    public Finding {
        if (muscle == null || muscle.isBlank()) {
            throw new InvalidNote("muscle", "outcomes.error.muscle");
        }
        Objects.requireNonNull(side, "side");
        if (tenderness < 0 || tenderness > 3) {
            throw new InvalidNote("tenderness", "outcomes.error.tenderness");
        }
    }
}
