package clinic.relief.booking.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentChangedMeanwhile;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.UnknownAppointment;
import clinic.relief.booking.store.Appointments;
import clinic.relief.booking.store.ConfirmationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's own "I will be there", whichever way it comes (the manage link's button or a "C" reply to a text):
 * one state on the appointment, which every desk page shows and a move of the appointment clears. Only a booked
 * appointment still to come can be confirmed; a second confirmation keeps the first one's time. Thread-safe.
 */
@Service
public class AppointmentConfirmations {

    /** How the patient confirmed. */
    public enum Via {
        MANAGE_LINK,
        TEXT
    }

    private final Appointments appointments;
    private final ConfirmationStore store;
    private final Clock clock;

    AppointmentConfirmations(Appointments appointments, ConfirmationStore store, Clock clock) {
        this.appointments = appointments;
        this.store = store;
        this.clock = clock;
    }

    /** When the patient confirmed the appointment at its current time, if they did. */
    @Transactional(readOnly = true)
    public Optional<Instant> confirmedAt(UUID appointmentId) {
        return Optional.ofNullable(store.confirmedAt(List.of(appointmentId)).get(appointmentId));
    }

    /** The confirmed ones among these appointments, with when. */
    Map<UUID, Instant> confirmedAt(Collection<UUID> appointmentIds) {
        return store.confirmedAt(appointmentIds);
    }

    /**
     * The patient says they will come: recorded only while the appointment is booked, still ahead, and at the
     * {@code version} the patient saw; otherwise {@link AppointmentChangedMeanwhile} or
     * {@link AppointmentStateConflict} and nothing changes. Returns the appointment's start.
     */
    @Transactional
    public Instant confirm(UUID appointmentId, int version, Via via) {
        Appointment appointment =
                appointments.lock(appointmentId).orElseThrow(() -> new UnknownAppointment(appointmentId));
        if (appointment.version() != version) {
            throw new AppointmentChangedMeanwhile(appointmentId, appointment.status());
        }
        Instant now = clock.instant();
        if (appointment.status() != AppointmentStatus.BOOKED
                || !now.isBefore(appointment.session().start())) {
            throw new AppointmentStateConflict(appointmentId, appointment.status(), "confirm");
        }
        if (confirmedAt(appointmentId).isEmpty()) {
            store.confirm(appointmentId, version, now, via.name());
        }
        return appointment.session().start();
    }

    /**
     * The appointment a "C" reply confirms: the one the patient was last reminded of if it is still to come and
     * booked, else their next booked one. Called in the transaction that confirms it.
     */
    Optional<Appointment.Stored> toConfirmByText(UUID patientId, Optional<UUID> remindedAppointment) {
        Instant now = clock.instant();
        List<Appointment.Stored> upcoming = appointments.ofPatient(patientId).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED && a.start().isAfter(now))
                .sorted(Comparator.comparing(Appointment.Stored::start))
                .toList();
        return upcoming.stream()
                .filter(a -> remindedAppointment.filter(a.id()::equals).isPresent())
                .findFirst()
                .or(() -> upcoming.stream().findFirst());
    }
}
