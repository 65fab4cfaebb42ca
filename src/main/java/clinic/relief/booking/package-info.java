/**
 * Booking: therapists' hours, rooms, availability, and appointments that PostgreSQL itself keeps from overlapping.
 */
@NullMarked
package clinic.relief.booking;

import org.jspecify.annotations.NullMarked;
