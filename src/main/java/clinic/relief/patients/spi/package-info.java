/**
 * What other modules implement to move their records from a duplicate patient to the kept one, inside the merge's
 * own transaction.
 */
@NamedInterface("spi")
@NullMarked
package clinic.relief.patients.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
