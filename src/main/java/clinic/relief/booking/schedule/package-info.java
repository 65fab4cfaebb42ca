/**
 * Therapists' hours, breaks, time off and rooms, the services' rules, the availability they give, and the owner's editors.
 */
@NullMarked
package clinic.relief.booking.schedule;

import org.jspecify.annotations.NullMarked;
