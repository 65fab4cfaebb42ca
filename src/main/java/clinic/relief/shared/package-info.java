/**
 * Value types every module may use (money) and the one helper for instants as SQL parameters; no beans.
 */
@NullMarked
package clinic.relief.shared;

import org.jspecify.annotations.NullMarked;
