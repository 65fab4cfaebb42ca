package clinic.relief.billing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Free follow-up sessions granted by another module (the outcomes module's relief guarantee). Billing asks when it
 * prices an appointment; the granting module keeps the vouchers, so billing depends on no one for this and the
 * granter depends on billing's API only. Optional: without an implementation no session is free. Implementations
 * run in the caller's transaction and are thread-safe.
 */
public interface FollowUpVouchers {

    /** A voucher that pays a whole session: the message code of the invoice line that says so. */
    record FreeSession(String lineCode) {}

    /** The voucher that would make this session free, if any; nothing is used. */
    Optional<FreeSession> available(UUID patientId, String serviceId, int minutes, Instant start);

    /**
     * Uses one voucher for this appointment: each voucher pays one session only, even when two bookings ask at once.
     * Asking again for the same appointment returns the voucher it already used (so a redelivered event changes
     * nothing).
     */
    Optional<FreeSession> redeem(UUID patientId, String serviceId, int minutes, Instant start, UUID appointmentId);

    /** Gives back the voucher this appointment used, if any (the appointment was cancelled). */
    void release(UUID appointmentId);
}
