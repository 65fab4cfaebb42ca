package clinic.relief.booking.spi;

import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * Deposits for online bookings, implemented by the payments module. When a service asks for one, booking holds the
 * slot (a PENDING appointment) instead of booking it, and {@link #held} notes the deposit in the hold's transaction;
 * the patient then pays on the page {@link #payPage} names, and the payments module confirms or releases the hold
 * through {@code booking.PaymentHolds}. A visitor who is not signed in holds the slot for a placeholder patient
 * ({@link #heldForVisitor}) and pays on the page {@link #visitorPayPage} names, which works without a session.
 */
public interface OnlineDeposits {

    /** What an online booking of this service and length must pay before it is booked; zero when nothing. */
    Money depositFor(String serviceId, int minutes);

    /** In the transaction that writes the hold: the appointment waits for {@code amount} from the patient. */
    void held(UUID appointmentId, UUID patientId, Money amount);

    /** The address (within this app) where the patient pays the deposit of a held appointment. */
    String payPage(UUID appointmentId);

    /** As {@link #held}, for a visitor who is not signed in: {@code placeholderId} is their unverified placeholder. */
    void heldForVisitor(UUID appointmentId, UUID placeholderId, Money amount);

    /** The address (within this app) where a visitor pays the deposit of a held appointment: a signed, expiring link. */
    String visitorPayPage(UUID appointmentId);
}
