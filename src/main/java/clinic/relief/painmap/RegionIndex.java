package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers the selectable region ids so that maps and zones become bit sets. */
final class RegionIndex {

    private final List<String> ids;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final char[] sides;

    RegionIndex(KnowledgeBase kb) {
        this.ids = kb.regionIds();
        this.sides = new char[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            indexes.put(id, i);
            sides[i] = kb.regionOf(id).paired() ? id.charAt(id.length() - 1) : 'M';
        }
    }

    int size() {
        return ids.size();
    }

    /** The index of a selectable id, or -1. */
    int indexOf(String id) {
        Integer index = indexes.get(id);
        return index == null ? -1 : index;
    }

    String id(int index) {
        return ids.get(index);
    }

    /** {@code 'L'}, {@code 'R'} or {@code 'M'} (midline). */
    char side(int index) {
        return sides[index];
    }

    /** The bit set of the given selectable ids (all must exist). */
    long[] mask(List<String> selectableIds) {
        long[] bits = Bits.empty(size());
        for (String id : selectableIds) {
            Bits.set(bits, indexOf(id));
        }
        return bits;
    }

    /** The ids in a bit set, in index order. */
    List<String> ids(long[] bits) {
        List<String> out = new ArrayList<>();
        for (int i = Bits.next(bits, 0); i >= 0; i = Bits.next(bits, i + 1)) {
            out.add(ids.get(i));
        }
        return out;
    }
}
