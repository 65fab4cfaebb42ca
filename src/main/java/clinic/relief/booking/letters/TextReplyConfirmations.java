package clinic.relief.booking.letters;

import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.ManageLinks;
import clinic.relief.sms.TextConfirmations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A "C" reply to a text confirms the patient's appointment ({@link AppointmentConfirmations}), and the answer carries
 * a manage link to it, stored in the same transaction, as every message about an appointment does.
 */
@Service
class TextReplyConfirmations implements TextConfirmations {

    private final AppointmentConfirmations confirmations;
    private final ManageLinks links;

    TextReplyConfirmations(AppointmentConfirmations confirmations, ManageLinks links) {
        this.confirmations = confirmations;
        this.links = links;
    }

    @Override
    @Transactional
    public Optional<Confirmed> confirmByText(UUID patientId, Optional<UUID> remindedAppointment) {
        return confirmations
                .toConfirmByText(patientId, remindedAppointment)
                .map(appointment -> new Confirmed(
                        confirmations.confirm(
                                appointment.id(), appointment.version(), AppointmentConfirmations.Via.TEXT),
                        links.linkFor(appointment.id())));
    }
}
