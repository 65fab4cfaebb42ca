/**
 * The clinic's cancellation and no-show policy: the late-cancellation window and the fees as percentages of the
 * price, one versioned policy the owner edits at run time, applied to every service's rules. A named interface: the
 * owner's settings pages read and edit it here.
 */
@NamedInterface("fees")
@NullMarked
package clinic.relief.booking.fees;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
