/**
 * The clinic profile (who the clinic is, where it works, what it sells) and the public pages that present it.
 */
@NullMarked
package clinic.relief.clinic;

import org.jspecify.annotations.NullMarked;
