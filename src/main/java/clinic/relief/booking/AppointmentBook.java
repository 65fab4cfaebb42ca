package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

import clinic.relief.booking.schedule.Schedules;
import clinic.relief.booking.schedule.ServiceRules;
import clinic.relief.booking.schedule.Therapists;
import clinic.relief.booking.store.Appointments;
import clinic.relief.booking.store.BookingLocks;
import clinic.relief.booking.store.CancellationStore;
import clinic.relief.booking.store.ConfirmationStore;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clinic's appointment book: a day's appointments and the changes staff make to them (check-in and its undo,
 * complete, no-show, cancel, reschedule). Callers check who may do what.
 * <p>
 * Every change locks the appointment's row first and writes all its effects (billing's part through the
 * participants, letters, waitlist offers) in that one transaction, so of two changes at once the second waits and
 * then meets {@link AppointmentStateConflict}, having changed nothing. A caller that passes the {@code version} it
 * saw is also refused ({@link AppointmentChangedMeanwhile}) when any other change came first, even one that left
 * the status as it was (a reschedule).
 */
@Service
public class AppointmentBook {

    private final Booking booking;
    private final Appointments appointments;
    private final ConfirmationStore confirmations;
    private final Therapists therapists;
    private final Schedules schedules;
    private final Patients patients;
    private final BookingParticipants participants;
    private final ApplicationEventPublisher events;
    private final BookingLocks locks;
    private final CancellationStore cancellations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AppointmentBook(
            Booking booking,
            Appointments appointments,
            ConfirmationStore confirmations,
            Therapists therapists,
            Schedules schedules,
            Patients patients,
            BookingParticipants participants,
            ApplicationEventPublisher events,
            BookingLocks locks,
            CancellationStore cancellations,
            TransactionTemplate transactions,
            Clock clock) {
        this.booking = booking;
        this.appointments = appointments;
        this.confirmations = confirmations;
        this.therapists = therapists;
        this.schedules = schedules;
        this.patients = patients;
        this.participants = participants;
        this.events = events;
        this.locks = locks;
        this.cancellations = cancellations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Everyone's appointments starting on the clinic date, by start. */
    @Transactional(readOnly = true)
    public List<AppointmentView> day(LocalDate date) {
        return views(appointments.starting(days(date, date), Optional.empty()));
    }

    /** One therapist's appointments starting on the clinic date, by start. */
    @Transactional(readOnly = true)
    public List<AppointmentView> day(LocalDate date, UUID therapistId) {
        return views(appointments.starting(days(date, date), Optional.of(therapistId)));
    }

    /** One therapist's appointments starting on the clinic dates {@code from}-{@code to}, by start. */
    @Transactional(readOnly = true)
    public List<AppointmentView> ofTherapistBetween(LocalDate from, LocalDate to, UUID therapistId) {
        return views(appointments.starting(days(from, to), Optional.of(therapistId)));
    }

    /** The appointments in one room starting on the clinic dates {@code from}-{@code to}, by start. */
    @Transactional(readOnly = true)
    public List<AppointmentView> inRoomBetween(LocalDate from, LocalDate to, UUID roomId) {
        return views(appointments.startingInRoom(days(from, to), roomId));
    }

    private TimeRange days(LocalDate from, LocalDate to) {
        return new TimeRange(
                from.atStartOfDay(booking.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(booking.zone()).toInstant());
    }

    private List<AppointmentView> views(List<Appointment.Stored> found) {
        Map<UUID, String> rooms = schedules.roomNames();
        Map<UUID, Instant> confirmed = confirmations.confirmedAt(
                found.stream().map(Appointment.Stored::id).toList());
        // Each patient and therapist read once, not once per appointment (a chart of 200 visits: docs/benchmarks.md,
        // "Workspace pages (issue 18)").
        Map<UUID, Patient> patientsById = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        return found.stream()
                .map(a -> view(
                        a,
                        rooms,
                        Optional.ofNullable(confirmed.get(a.id())),
                        id -> patientsById.computeIfAbsent(id, patients::get),
                        id -> names.computeIfAbsent(id, therapists::name)))
                .toList();
    }

    /** Every room by name, active or not. */
    public Map<UUID, String> rooms() {
        return schedules.roomNames();
    }

    @Transactional(readOnly = true)
    public AppointmentView get(UUID id) {
        return view(
                load(id).stored(),
                schedules.roomNames(),
                Optional.ofNullable(confirmations.confirmedAt(List.of(id)).get(id)));
    }

    /** A patient's own appointments (any status), newest first. */
    @Transactional(readOnly = true)
    public List<AppointmentView> ofPatient(UUID patientId) {
        return views(appointments.ofPatient(patientId));
    }

    /** What cancelling now would cost: inside the service's window the late-cancel fee, otherwise nothing. */
    @Transactional(readOnly = true)
    public CancelTerms cancelTerms(UUID id) {
        Appointment appointment = load(id);
        AppointmentView view = get(id);
        ServiceRules rules = view.service().rules();
        boolean late = appointment.isLate(clock.instant(), rules.cancelWindow());
        Money fee = late ? rules.share(priceOf(view), rules.lateCancelPercent()) : Money.ZERO;
        return new CancelTerms(late, fee, rules.cancelWindow());
    }

    /** The therapist signed in with this email, if they are a bookable therapist. */
    public Optional<Therapist> therapistSignedInAs(String email) {
        return therapists.byEmail(email);
    }

    public List<Therapist> therapists() {
        return therapists.all();
    }

    @Transactional
    public void checkIn(UUID id) {
        checkIn(id, OptionalInt.empty());
    }

    /** Checks in, only if the appointment is still at {@code version} (what the caller saw). */
    @Transactional
    public void checkIn(UUID id, int version) {
        checkIn(id, OptionalInt.of(version));
    }

    private void checkIn(UUID id, OptionalInt seen) {
        Appointment appointment = locked(id, seen);
        appointment.checkIn();
        appointments.update(appointment);
    }

    /** Undoes a check-in made by mistake: the appointment is booked again, as before, and nothing else changes. */
    @Transactional
    public void undoCheckIn(UUID id) {
        undoCheckIn(id, OptionalInt.empty());
    }

    /** Undoes a check-in, only if the appointment is still at {@code version} (what the caller saw). */
    @Transactional
    public void undoCheckIn(UUID id, int version) {
        undoCheckIn(id, OptionalInt.of(version));
    }

    private void undoCheckIn(UUID id, OptionalInt seen) {
        Appointment appointment = locked(id, seen);
        appointment.undoCheckIn();
        appointments.update(appointment);
    }

    /**
     * Completes a checked-in appointment; refused ({@link AppointmentNotStarted}) before its start.
     */
    @Transactional
    public void complete(UUID id) {
        complete(id, OptionalInt.empty());
    }

    /** Completes, only if the appointment is still at {@code version} (what the caller saw). */
    @Transactional
    public void complete(UUID id, int version) {
        complete(id, OptionalInt.of(version));
    }

    private void complete(UUID id, OptionalInt seen) {
        Appointment appointment = locked(id, seen);
        AppointmentCompleted completed = appointment.complete(clock.instant());
        appointments.update(appointment);
        participants.completed(completed);
        events.publishEvent(completed);
    }

    @Transactional
    public void markNoShow(UUID id) {
        markNoShow(id, OptionalInt.empty());
    }

    /** Marks a no-show, only if the appointment is still at {@code version} (what the caller saw). */
    @Transactional
    public void markNoShow(UUID id, int version) {
        markNoShow(id, OptionalInt.of(version));
    }

    private void markNoShow(UUID id, OptionalInt seen) {
        Appointment appointment = locked(id, seen);
        AppointmentView view = get(id);
        BookableService service = view.service();
        Money fee = service.rules().share(priceOf(view), service.rules().noShowPercent());
        AppointmentMissed missed = appointment.markNoShow(clock.instant(), fee);
        appointments.update(appointment);
        participants.missed(missed);
        events.publishEvent(missed);
    }

    /** Cancels; returns the fee now owed (zero outside the service's cancellation window). */
    @Transactional
    public Money cancel(UUID id) {
        return cancel(id, OptionalInt.empty());
    }

    /** Cancels, only if the appointment is still at {@code version} (what the caller saw); returns the fee owed. */
    @Transactional
    public Money cancel(UUID id, int version) {
        return cancel(id, OptionalInt.of(version));
    }

    /**
     * The desk's cancellation from the confirm step: only if the appointment is still at {@code version}, with the
     * reason and note recorded beside it, and the late fee it would owe charged or waived as the desk chose (waived,
     * it owes nothing: no fee line, no card charge). Returns the fee owed.
     *
     * @throws IllegalArgumentException for a note longer than {@link Cancellation#NOTE_LIMIT} or with control
     *     characters; nothing changed
     */
    @Transactional
    public Money cancel(UUID id, int version, CancelReason reason, String note, FeeChoice fee, String by) {
        if (!Cancellation.acceptable(note)) {
            throw new IllegalArgumentException("A cancellation note has at most 200 printable characters");
        }
        Instant now = clock.instant();
        Money owed = cancel(id, OptionalInt.of(version), fee);
        boolean waived = fee == FeeChoice.WAIVE && !owed.isPositive() && cancelTermsAt(id, now);
        cancellations.insert(id, new Cancellation(reason, note.strip(), waived, by, now));
        return owed;
    }

    /** The desk's record of why an appointment was cancelled, if the desk cancelled it. */
    @Transactional(readOnly = true)
    public Optional<Cancellation> cancellation(UUID id) {
        return cancellations.of(id);
    }

    /** The desk's records of why any of these appointments were cancelled, by appointment. */
    @Transactional(readOnly = true)
    public Map<UUID, Cancellation> cancellations(Collection<UUID> ids) {
        return cancellations.of(ids);
    }

    private Money cancel(UUID id, OptionalInt seen) {
        return cancel(id, seen, FeeChoice.CHARGE);
    }

    private Money cancel(UUID id, OptionalInt seen, FeeChoice choice) {
        Appointment appointment = locked(id, seen);
        AppointmentView view = get(id);
        ServiceRules rules = view.service().rules();
        Money fee = choice == FeeChoice.WAIVE ? Money.ZERO : rules.share(priceOf(view), rules.lateCancelPercent());
        AppointmentCancelled cancelled = appointment.cancel(clock.instant(), rules.cancelWindow(), fee);
        appointments.update(appointment);
        // Billing's reversal, the letter and the waitlist offer all commit with the cancellation, or not at all.
        participants.cancelled(cancelled);
        events.publishEvent(cancelled);
        return cancelled.feeOwed();
    }

    /** Whether a cancellation of this (now cancelled) appointment at {@code at} fell inside its late-cancel window. */
    private boolean cancelTermsAt(UUID id, Instant at) {
        AppointmentView view = get(id);
        ServiceRules rules = view.service().rules();
        return load(id).isLate(at, rules.cancelWindow())
                && rules.share(priceOf(view), rules.lateCancelPercent()).isPositive();
    }

    /**
     * Moves a booked appointment to a new start with a therapist (the same or another) that availability offers. The
     * free slot and, after a lost race, the alternatives are found outside the write transaction; the move applies
     * only if nobody changed the appointment since it was read for that search.
     */
    public void reschedule(UUID id, Instant start, UUID therapistId) {
        reschedule(id, OptionalInt.empty(), start, therapistId);
    }

    /** Moves the appointment, only if it is still at {@code version} (what the caller saw). */
    public void reschedule(UUID id, int version, Instant start, UUID therapistId) {
        reschedule(id, OptionalInt.of(version), start, therapistId);
    }

    private void reschedule(UUID id, OptionalInt seen, Instant start, UUID therapistId) {
        Appointment.Stored row = load(id).stored();
        if (row.status() != AppointmentStatus.BOOKED) {
            throw new AppointmentStateConflict(id, row.status(), "reschedule");
        }
        if (seen.isPresent() && seen.getAsInt() != row.version()) {
            throw new AppointmentChangedMeanwhile(id, row.status());
        }
        BookableService service = booking.service(row.serviceId());
        Slot slot = booking.offeredKeeping(service, row.minutes(), start, therapistId, row.secondTherapistId(), id);
        try {
            transactions.executeWithoutResult(tx -> {
                locks.lock(slot, service.rules().buffer(), row.patientId(), null);
                Appointment appointment = locked(id, OptionalInt.of(row.version()));
                appointment.reschedule(slot, service.rules().buffer());
                appointments.update(appointment);
                events.publishEvent(
                        new AppointmentRescheduled(id, row.patientId(), slot.therapistId(), row.start(), slot.start()));
            });
        } catch (Appointments.Overlap overlap) {
            if (overlap.patientBusy()) {
                throw new PatientAlreadyBooked(start);
            }
            throw new SlotTaken(start, alternatives(service, row.minutes(), start, therapistId, id));
        } catch (BookingLocks.RoomWithdrawn withdrawn) {
            throw new SlotTaken(start, alternatives(service, row.minutes(), start, therapistId, id));
        }
    }

    /**
     * The appointment with its row locked for this transaction (a concurrent change waits, then sees this one's
     * result); refused with {@link AppointmentChangedMeanwhile} when the caller saw another version.
     */
    private Appointment locked(UUID id, OptionalInt seen) {
        Appointment appointment = appointments.lock(id).orElseThrow(() -> new UnknownAppointment(id));
        if (seen.isPresent() && seen.getAsInt() != appointment.version()) {
            throw new AppointmentChangedMeanwhile(id, appointment.status());
        }
        return appointment;
    }

    private List<Slot> alternatives(
            BookableService service, int minutes, Instant start, UUID therapistId, UUID moving) {
        return booking.alternatives(service, minutes, start, Optional.of(therapistId), Optional.of(moving));
    }

    /**
     * The visit's list price as it stood when it was booked (its fees are shares of it): a later price change holds
     * for later bookings only, as the invoice made at booking keeps its amount.
     */
    public Money listPrice(UUID id) {
        return priceOf(get(id));
    }

    private Money priceOf(AppointmentView view) {
        return Money.of(booking.serviceAsBookedAt(view.service().id(), appointments.bookedAt(view.id()))
                .price(view.minutes()));
    }

    private Appointment load(UUID id) {
        return appointments.find(id).orElseThrow(() -> new UnknownAppointment(id));
    }

    private AppointmentView view(Appointment.Stored a, Map<UUID, String> rooms, Optional<Instant> confirmedAt) {
        return view(a, rooms, confirmedAt, patients::get, therapists::name);
    }

    private AppointmentView view(
            Appointment.Stored a,
            Map<UUID, String> rooms,
            Optional<Instant> confirmedAt,
            Function<UUID, Patient> patient,
            Function<UUID, String> therapistName) {
        return new AppointmentView(
                a.id(),
                patient.apply(a.patientId()),
                new Therapist(a.therapistId(), therapistName.apply(a.therapistId())),
                booking.service(a.serviceId()),
                a.minutes(),
                a.start(),
                a.end(),
                a.roomId() == null ? null : rooms.get(a.roomId()),
                a.status(),
                a.feeOwed(),
                a.feeReason(),
                a.assessmentId(),
                a.secondTherapistId().map(id -> new Therapist(id, therapistName.apply(id))),
                a.version(),
                confirmedAt);
    }
}
