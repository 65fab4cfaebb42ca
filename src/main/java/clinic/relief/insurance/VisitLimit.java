package clinic.relief.insurance;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/** How many visits a coverage pays for per plan year: {@link Unlimited} or {@link Limited} to a number. */
public sealed interface VisitLimit {

    /** No visit limit. */
    VisitLimit UNLIMITED = new Unlimited();

    static VisitLimit limited(int visits) {
        return new Limited(visits);
    }

    /** The limit a form field or column holds: blank means none. */
    static VisitLimit ofNullable(@Nullable Integer visits) {
        return visits == null ? UNLIMITED : new Limited(visits);
    }

    boolean unlimited();

    /** The number of visits allowed; empty when unlimited. */
    OptionalInt visits();

    /** What is left after {@code used} visits (never below zero); empty when unlimited. */
    default OptionalInt left(int used) {
        OptionalInt visits = visits();
        return visits.isPresent() ? OptionalInt.of(Math.max(0, visits.getAsInt() - used)) : OptionalInt.empty();
    }

    /** For a nullable column (null: unlimited). */
    default @Nullable Integer orNull() {
        OptionalInt visits = visits();
        return visits.isPresent() ? visits.getAsInt() : null;
    }

    /** No visit limit. */
    record Unlimited() implements VisitLimit {

        @Override
        public boolean unlimited() {
            return true;
        }

        @Override
        public OptionalInt visits() {
            return OptionalInt.empty();
        }
    }

    /** At most {@code count} visits per plan year. */
    record Limited(int count) implements VisitLimit {

        public Limited {
            if (count < 0) {
                throw new IllegalArgumentException("A visit limit cannot be negative");
            }
        }

        @Override
        public boolean unlimited() {
            return false;
        }

        @Override
        public OptionalInt visits() {
            return OptionalInt.of(count);
        }
    }
}
