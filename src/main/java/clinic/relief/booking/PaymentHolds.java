package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.online.HoldReleased;
import clinic.relief.booking.online.OnlineHolds;
import clinic.relief.booking.store.Appointments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online bookings held while the patient pays a deposit ({@link clinic.relief.booking.spi.OnlineDeposits}): the
 * payments module books the hold when Stripe says the deposit was paid, or releases it when the payment page expired
 * or was abandoned. Both take the appointment's row lock and join the caller's transaction, so the deposit's record
 * and the booking commit together; of a payment and an expiry arriving at once, exactly one acts.
 */
@Service
public class PaymentHolds {

    /** What confirming a paid hold did. */
    public enum Confirmed {
        /** The hold is now a booking, announced like any other. */
        BOOKED,
        /** It was booked already (the same payment reported twice): nothing changed. */
        ALREADY_BOOKED,
        /** The hold had ended (expired, released or cancelled): nothing was booked. */
        NOT_HELD
    }

    private final Appointments appointments;
    private final OnlineHolds visitors;
    private final BookingParticipants participants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentHolds(
            Appointments appointments,
            OnlineHolds visitors,
            BookingParticipants participants,
            ApplicationEventPublisher events,
            Clock clock) {
        this.appointments = appointments;
        this.visitors = visitors;
        this.participants = participants;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Books a hold whose deposit is paid, for the patient who holds it; a visitor's hold (not signed in) for the
     * patient with the address they gave, whose placeholder joins (or becomes) that patient.
     *
     * @throws PatientAlreadyBooked when that patient already has an appointment overlapping the time (the caller's
     *     transaction is then spoilt: nothing it wrote may commit; the payments module refunds the deposit)
     * @throws SlotTaken when the time was taken meanwhile (as above)
     */
    @Transactional
    public Confirmed confirmPaid(UUID appointmentId) {
        boolean visitor = visitors.lockDepositHold(appointmentId); // the hold's row first, as the desk's release does
        Appointment appointment =
                appointments.lock(appointmentId).orElseThrow(() -> new UnknownAppointment(appointmentId));
        if (appointment.status() != AppointmentStatus.PENDING) {
            return appointment.status() == AppointmentStatus.CANCELLED ? Confirmed.NOT_HELD : Confirmed.ALREADY_BOOKED;
        }
        UUID patientId = visitor
                ? visitors.confirmPaid(appointment).id()
                : appointment.stored().patientId();
        AppointmentBooked booked = appointment.confirmFor(patientId);
        try {
            appointments.update(appointment);
        } catch (Appointments.Overlap overlap) {
            Instant start = appointment.session().start();
            throw overlap.patientBusy() ? new PatientAlreadyBooked(start) : new SlotTaken(start, List.of());
        }
        participants.booked(booked);
        events.publishEvent(booked);
        return Confirmed.BOOKED;
    }

    /**
     * Releases a hold whose deposit was not paid: the slot is free at once and offered like a cancellation (a
     * visitor's placeholder is then purged in time, like one of an unconfirmed e-mail hold). False when it was no
     * longer held (booked meanwhile, or released already).
     */
    @Transactional
    public boolean releaseUnpaid(UUID appointmentId) {
        if (visitors.lockDepositHold(appointmentId)) {
            visitors.releasedUnpaid(appointmentId);
        }
        Appointment appointment =
                appointments.lock(appointmentId).orElseThrow(() -> new UnknownAppointment(appointmentId));
        if (appointment.status() != AppointmentStatus.PENDING) {
            return false;
        }
        appointment.expireHold(clock.instant());
        appointments.update(appointment);
        Appointment.Stored freed = appointment.stored();
        events.publishEvent(
                new HoldReleased(appointmentId, freed.therapistId(), freed.start(), freed.blockedUntil(), "payment"));
        return true;
    }

    /** The address a visitor who is not signed in gave with a held booking: Stripe's payment page carries it. */
    public Optional<String> payerEmail(UUID appointmentId) {
        return visitors.depositPayerEmail(appointmentId);
    }
}
