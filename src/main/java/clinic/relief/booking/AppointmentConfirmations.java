package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.store.Appointments;
import clinic.relief.booking.store.ConfirmationStore;
import clinic.relief.sms.TextConfirmations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments the patient confirmed they will come to (by replying C to a text reminder), so that the desk sees it.
 * Only a booked appointment still to come can be confirmed; a second confirmation keeps the first one's time.
 */
@Service
public class AppointmentConfirmations implements TextConfirmations {

    private final Appointments appointments;
    private final ConfirmationStore store;
    private final Clock clock;

    AppointmentConfirmations(Appointments appointments, ConfirmationStore store, Clock clock) {
        this.appointments = appointments;
        this.store = store;
        this.clock = clock;
    }

    /** When the appointment was confirmed, if it was. */
    @Transactional(readOnly = true)
    public Optional<Instant> confirmedAt(UUID appointmentId) {
        return Optional.ofNullable(store.confirmedAt(List.of(appointmentId)).get(appointmentId));
    }

    @Override
    @Transactional
    public Optional<Instant> confirmByText(UUID patientId, Optional<UUID> remindedAppointment) {
        Instant now = clock.instant();
        List<Appointment.Stored> upcoming = appointments.ofPatient(patientId).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED && a.start().isAfter(now))
                .sorted(Comparator.comparing(Appointment.Stored::start))
                .toList();
        Optional<Appointment.Stored> chosen = upcoming.stream()
                .filter(a -> remindedAppointment.filter(a.id()::equals).isPresent())
                .findFirst()
                .or(() -> upcoming.stream().findFirst());
        chosen.ifPresent(a -> store.confirm(a.id(), now, "text reply"));
        return chosen.map(Appointment.Stored::start);
    }
}
