/** Booking's own tables: appointments, the locks every writer takes in one order, and idempotency keys. */
@NullMarked
package clinic.relief.booking.store;

import org.jspecify.annotations.NullMarked;
