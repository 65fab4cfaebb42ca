package clinic.relief.insurance;

import java.util.Arrays;
import java.util.Map;

/**
 * The CPT codes the clinic bills. Trigger point and neuromuscular work go under 97140 (manual therapy), massage
 * under 97124; 97010 (hot/cold packs) is a supervised modality billed once per visit, not per 15 minutes.
 */
public enum Cpt {
    MANUAL_THERAPY("97140", true),
    MASSAGE("97124", true),
    HOT_COLD_PACKS("97010", false);

    /** Known codes the clinic must not bill, with the reason's message key suffix. */
    static final Map<String, String> REFUSED = Map.of(
            "97112", "cptNotNeuromuscularTherapy",
            "97110", "cptNotOffered",
            "97001", "cptPhysicalTherapistsOnly",
            "97002", "cptPhysicalTherapistsOnly");

    private final String code;
    private final boolean timed;

    Cpt(String code, boolean timed) {
        this.code = code;
        this.timed = timed;
    }

    public String code() {
        return code;
    }

    /** Billed in 15-minute units by the 8-minute rule. */
    public boolean timed() {
        return timed;
    }

    /** The code for "97140" and so on; refused codes name their reason, unknown ones say so. */
    public static Cpt of(String code) {
        String typed = code == null ? "" : code.strip();
        String refused = REFUSED.get(typed);
        if (refused != null) {
            throw new InvalidCode(refused, typed, "97140");
        }
        return Arrays.stream(values())
                .filter(c -> c.code.equals(typed))
                .findFirst()
                .orElseThrow(() -> new InvalidCode("cptUnknown", typed, null));
    }
}
