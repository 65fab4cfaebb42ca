package clinic.relief.painmap;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The sentences and words of the knowledge base that are not tied to one id: messages, sides, reasons. */
record Wording(Map<ReferralLevel, Text> referralMessages, Map<Side, Text> sides, Map<ReasonCode, Text> reasons) {

    Wording {
        referralMessages = Collections.unmodifiableMap(copy(ReferralLevel.class, referralMessages));
        sides = Collections.unmodifiableMap(copy(Side.class, sides));
        reasons = Collections.unmodifiableMap(copy(ReasonCode.class, reasons));
    }

    private static <K extends Enum<K>> EnumMap<K, Text> copy(Class<K> type, Map<K, Text> map) {
        EnumMap<K, Text> copy = new EnumMap<>(type);
        copy.putAll(map);
        return copy;
    }
}
