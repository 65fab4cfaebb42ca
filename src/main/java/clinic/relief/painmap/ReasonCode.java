package clinic.relief.painmap;

import java.util.Locale;

/** Why a candidate ranks where it does; the page turns each code into a plain sentence. */
public enum ReasonCode {
    /** At least one marked region lies in the muscle's essential (primary) zone. */
    PRIMARY_ZONE_MATCH,
    /** At least one marked region lies in the muscle's spillover (secondary) zone. */
    SECONDARY_ZONE_MATCH,
    /** The muscle's pattern explains every marked region. */
    EXPLAINS_WHOLE_MAP,
    /** Half or more of the muscle's essential zone is marked. */
    ESSENTIAL_ZONE_LARGELY_MARKED,
    /** None of the essential zone is marked: only spillover matches, so the score is reduced. */
    ESSENTIAL_ZONE_UNMARKED,
    /** A match comes from a pattern this muscle sends to both sides. */
    BILATERAL_PATTERN,
    /** Regions on both sides match, so the muscle is worth checking on both sides. */
    BOTH_SIDES_MARKED,
    /** How it feels fits this muscle. */
    SUPPORTING_QUALITIES,
    /** What makes it worse or better, or goes with it, fits this muscle. */
    SUPPORTING_FACTORS,
    /** Active trigger points in this muscle are common (trigger-points.md §1.5). */
    COMMON_MUSCLE,
    /** Active trigger points in this muscle are uncommon (trigger-points.md §1.5). */
    UNCOMMON_MUSCLE,
    /** Examined internally only: the page should point to pelvic-health physiotherapy, not a massage. */
    OUTSIDE_MASSAGE_SCOPE;

    /** The API and resource spelling, e.g. {@code primary_zone_match}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
