/**
 * Booking's HTTP side that is not a page of one capability: the staff booking API, the module's request rules and
 * the problem details its failures become, shared by the module's other controllers.
 */
@NullMarked
package clinic.relief.booking.web;

import org.jspecify.annotations.NullMarked;
