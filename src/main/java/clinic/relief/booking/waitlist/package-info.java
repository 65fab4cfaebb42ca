/**
 * The waitlist's inside: offers of freed time, their claims and expiry, and the waitlist API for staff.
 */
@NullMarked
package clinic.relief.booking.waitlist;

import org.jspecify.annotations.NullMarked;
