/**
 * Value types every module may use (money); no beans.
 */
@NullMarked
package clinic.relief.shared;

import org.jspecify.annotations.NullMarked;
