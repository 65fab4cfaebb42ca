package clinic.relief.booking.spi;

import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentCompleted;
import clinic.relief.booking.AppointmentMissed;

/**
 * Another module's work that must commit with a booking's change or not at all. Booking calls every participant
 * bean explicitly, on the thread and connection of the transaction that writes the change, after the appointment is
 * written and before the event is published; an exception rolls the whole change back. Booking is the API's busiest
 * path, so a participant does only what must be atomic with it: anything that can wait for the commit reacts to the
 * event with an {@code @ApplicationModuleListener} instead.
 *
 * <p>Booking calls each method at most once per change, but a participant must still be safe when called twice for
 * the same appointment (a retried request may repeat its work in a new transaction).
 */
public interface BookingParticipant {

    /** An appointment was booked: directly, by confirming an online hold, or by approving a request. */
    default void booked(AppointmentBooked booked) {}

    /** A checked-in appointment was completed. */
    default void completed(AppointmentCompleted completed) {}

    /** A booked appointment was cancelled (with the late-cancel fee it now owes, if any). */
    default void cancelled(AppointmentCancelled cancelled) {}

    /** A booked appointment was marked a no-show (with the fee it now owes, if any). */
    default void missed(AppointmentMissed missed) {}
}
