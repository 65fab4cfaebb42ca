/**
 * The staff's calendar: day and week pages, an appointment's page, phone booking, rescheduling, and calendar feeds.
 */
@NullMarked
package clinic.relief.booking.calendar;

import org.jspecify.annotations.NullMarked;
