package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import clinic.relief.booking.store.Appointments;
import clinic.relief.booking.waitlist.WaitlistReturns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a booking request ends without the front desk ({@link Approvals} has their decisions): the patient withdraws
 * it, or it lapses undecided once its start is nearer than the minimum notice. Either way the slot is freed, the
 * end is recorded, a waitlist entry that claimed the request waits again, and the freed time is offered to the
 * waitlist, as after a decline. Each takes the request's row lock first, as a decision does, so of a withdrawal or
 * lapse and a concurrent approval exactly one applies.
 */
@Service
public class BookingRequests {

    private static final int SWEEP_BATCH = 100;

    private final Approvals approvals;
    private final Appointments appointments;
    private final WaitlistReturns waitlist;
    private final BookingRequestStore store;
    private final BookingSettings settings;
    private final Clock clock;

    BookingRequests(
            Approvals approvals,
            Appointments appointments,
            WaitlistReturns waitlist,
            BookingRequestStore store,
            BookingSettings settings,
            Clock clock) {
        this.approvals = approvals;
        this.appointments = appointments;
        this.waitlist = waitlist;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The patient withdraws their own pending request. Nothing is sent: they asked for it themselves.
     *
     * @throws UnknownAppointment when there is no such appointment or it is someone else's (nothing changes)
     * @throws AppointmentStateConflict when it no longer awaits a decision (approved, declined, lapsed, withdrawn)
     */
    @Transactional
    public void withdraw(UUID appointmentId, UUID patientId) {
        withdraw(appointmentId, patientId, OptionalInt.empty());
    }

    /**
     * The same withdrawal from a page that showed the request at {@code version} (the manage link's): a request
     * changed since is refused with {@link AppointmentChangedMeanwhile}, and nothing changes.
     *
     * @throws UnknownAppointment when there is no such appointment or it is someone else's (nothing changes)
     * @throws AppointmentStateConflict when it no longer awaits a decision, or changed since {@code version}
     */
    @Transactional
    public void withdraw(UUID appointmentId, UUID patientId, int version) {
        withdraw(appointmentId, patientId, OptionalInt.of(version));
    }

    private void withdraw(UUID appointmentId, UUID patientId, OptionalInt seen) {
        Appointment appointment = approvals.locked(appointmentId);
        Appointment.Stored row = appointment.stored();
        if (!patientId.equals(row.patientId())) {
            throw new UnknownAppointment(appointmentId);
        }
        if (seen.isPresent() && seen.getAsInt() != appointment.version()) {
            throw new AppointmentChangedMeanwhile(appointmentId, appointment.status());
        }
        Instant now = clock.instant();
        appointment.withdraw(now);
        appointments.update(appointment);
        approvals.record(appointmentId, "WITHDRAWN", null, "patient:" + patientId);
        waitlist.requestEnded(row, now);
    }

    /**
     * Whether the appointment was a booking request that ended without a visit: declined, withdrawn or lapsed (an
     * approved request is an ordinary booking, and an appointment that never was a request has no decision).
     */
    @Transactional(readOnly = true)
    public boolean endedWithoutVisit(UUID appointmentId) {
        return store.endedWithoutVisit(appointmentId);
    }

    /**
     * Lapses the requests nobody decided whose start is at most the minimum notice after {@code now}: each frees
     * its slot, the patient is told politely, the waitlist is offered the time. Rows another transaction holds (an
     * approval under way) are skipped; the next sweep looks again. Returns how many lapsed. An approval that comes
     * too late lapses its request the same way ({@link Approvals#approve}).
     */
    @Transactional
    public int lapseDue(Instant now) {
        List<UUID> due = store.lockDueToLapse(now.plus(settings.minimumNotice()), SWEEP_BATCH);
        due.forEach(id ->
                approvals.lapse(appointments.find(id).orElseThrow(() -> new UnknownAppointment(id)), now, "system"));
        return due.size();
    }
}
