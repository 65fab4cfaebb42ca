/**
 * What other modules implement to do their part of a booking inside the booking's own transaction.
 */
@NamedInterface("spi")
@NullMarked
package clinic.relief.booking.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
