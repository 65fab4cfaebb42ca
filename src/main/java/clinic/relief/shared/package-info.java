/**
 * Value types every module may use (money), the one helper for instants as SQL parameters, a value read again every few
 * seconds ({@link clinic.relief.shared.TimedSnapshot}), and the interface through which each module declares its
 * request rules ({@link clinic.relief.shared.RequestRules}); no beans.
 */
@NullMarked
package clinic.relief.shared;

import org.jspecify.annotations.NullMarked;
