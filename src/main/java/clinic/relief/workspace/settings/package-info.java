/** The owner's settings at {@code /staff/settings}: what is configured, where to change it, what does not add up. */
@NullMarked
package clinic.relief.workspace.settings;

import org.jspecify.annotations.NullMarked;
