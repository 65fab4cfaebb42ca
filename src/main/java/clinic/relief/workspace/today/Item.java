package clinic.relief.workspace.today;

import org.jspecify.annotations.Nullable;

/**
 * One line of a Today list: when, who, what, a state (a message key, or null) and where it opens.
 *
 * @param state a message key under {@code workspace.state.}, or null when the line has none
 */
record Item(String when, String who, String what, @Nullable String state, String href) {}
