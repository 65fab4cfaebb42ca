/**
 * Online booking by patients: the pages, holds awaiting e-mail verification, and the clean-up of placeholders.
 */
@NullMarked
package clinic.relief.booking.online;

import org.jspecify.annotations.NullMarked;
