package clinic.relief.painmap;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Small checks shared by the records of this package. */
final class Ids {

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    private Ids() {}

    static String requireId(String id, String what) {
        if (id == null || !SNAKE.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " id '" + id + "' is not a snake_case id");
        }
        return id;
    }

    /** A sorted, unmodifiable copy; {@code null} gives an empty set. */
    static SortedSet<String> sortedCopy(Collection<String> ids, String what) {
        if (ids == null) {
            return Collections.emptySortedSet();
        }
        TreeSet<String> copy = new TreeSet<>();
        for (String id : ids) {
            copy.add(Objects.requireNonNull(id, () -> what + " must not contain null"));
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    static List<String> listCopy(Collection<String> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }
}
