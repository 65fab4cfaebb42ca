package clinic.relief.sms;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the booking module implements so that a patient's "C" reply confirms their appointment, in the transaction
 * that stores the reply.
 */
public interface TextConfirmations {

    /** A confirmed appointment: its start, and a manage link to it for the answer (every text carries one). */
    record Confirmed(Instant start, String manageLink) {}

    /**
     * Confirms the appointment the patient was last reminded of if it is still to come and booked, else their next
     * booked appointment; returns its start and a new manage link to it, or empty when there is none to confirm.
     */
    Optional<Confirmed> confirmByText(UUID patientId, Optional<UUID> remindedAppointment);
}
