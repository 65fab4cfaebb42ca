package clinic.relief.painmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A query used ids the knowledge base does not know; {@link #unknown()} lists each one by kind. */
public final class UnknownIds extends PainFinderException {

    private final Map<IdKind, List<String>> unknown;

    /** @param unknown the unknown ids by kind; kinds with no ids are dropped */
    public UnknownIds(Map<IdKind, List<String>> unknown) {
        super(describe(unknown));
        EnumMap<IdKind, List<String>> copy = new EnumMap<>(IdKind.class);
        unknown.forEach((kind, ids) -> {
            if (!ids.isEmpty()) {
                copy.put(kind, List.copyOf(ids));
            }
        });
        this.unknown = Collections.unmodifiableMap(copy);
    }

    /** The unknown ids by kind, in the order they were given; never empty. */
    public Map<IdKind, List<String>> unknown() {
        return unknown;
    }

    private static String describe(Map<IdKind, List<String>> unknown) {
        List<String> parts = new ArrayList<>();
        new EnumMap<>(unknown).forEach((kind, ids) -> {
            if (!ids.isEmpty()) {
                parts.add(kind.id() + " " + ids);
            }
        });
        return "Unknown ids: " + parts.stream().collect(Collectors.joining(", "));
    }
}
