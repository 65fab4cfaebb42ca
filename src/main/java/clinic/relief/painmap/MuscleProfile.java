package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.List;

/** A muscle's zones pre-computed as bit sets over both sides, for fast scoring. */
final class MuscleProfile {

    final Muscle muscle;
    final long[] primary;
    final long[] secondary;
    final long[] explained;
    final long[] bilateral;
    final long[] leftOnly;
    final long[] rightOnly;
    final long[][] essentialZones;

    MuscleProfile(Muscle muscle, KnowledgeBase kb, RegionIndex index) {
        this.muscle = muscle;
        this.primary = index.mask(kb.sided(muscle.primary(), Side.BOTH));
        this.secondary = index.mask(kb.sided(muscle.secondary(), Side.BOTH));
        this.explained = Bits.or(primary, secondary);
        this.bilateral = index.mask(kb.sided(muscle.bilateral(), Side.BOTH));
        List<String> zones = new ArrayList<>(muscle.primary());
        zones.addAll(muscle.secondary());
        zones.removeAll(muscle.bilateral());
        this.leftOnly = index.mask(only(kb.sided(zones, Side.L), 'L'));
        this.rightOnly = index.mask(only(kb.sided(zones, Side.R), 'R'));
        this.essentialZones = muscle.primary().stream()
                .map(zone -> index.mask(kb.sided(List.of(zone), Side.BOTH)))
                .toArray(long[][]::new);
    }

    String id() {
        return muscle.id();
    }

    private static List<String> only(List<String> ids, char side) {
        return ids.stream().filter(id -> id.endsWith("_" + side)).toList();
    }
}
