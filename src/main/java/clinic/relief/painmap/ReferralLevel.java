package clinic.relief.painmap;

import java.util.Locale;

/** How soon a red flag needs a doctor; declared from least to most severe. */
public enum ReferralLevel {
    SEE_DOCTOR,
    URGENT,
    EMERGENCY;

    /** The API spelling: {@code see_doctor}, {@code urgent} or {@code emergency}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this level is more severe than the other. */
    public boolean moreSevereThan(ReferralLevel other) {
        return compareTo(other) > 0;
    }

    /** @throws IllegalArgumentException for an unknown level id */
    public static ReferralLevel of(String id) {
        for (ReferralLevel level : values()) {
            if (level.id().equals(id)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown referral level '" + id + "'");
    }
}
