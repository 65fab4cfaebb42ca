package clinic.relief.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * An appointment and the changes it allows. Each change checks the current state and throws
 * {@link AppointmentStateConflict} naming it; the caller stores the result, and PostgreSQL refuses any overlap.
 */
public class Appointment {

    /** Who made the booking. */
    public enum Source {
        ONLINE,
        FRONT_DESK
    }

    /** Why a fee is owed. */
    public enum FeeReason {
        LATE_CANCEL,
        NO_SHOW
    }

    private final UUID id;
    private UUID patientId;
    private final String serviceId;
    private final int minutes;
    private final Source source;
    private final UUID assessmentId;
    private UUID therapistId;
    private Optional<UUID> secondTherapistId;
    private UUID roomId;
    private TimeRange session;
    private Instant blockedUntil;
    private AppointmentStatus status;
    private Money feeOwed;
    private FeeReason feeReason;
    private Instant cancelledAt;
    private int version;

    Appointment(
            UUID id,
            UUID patientId,
            String serviceId,
            int minutes,
            Source source,
            UUID assessmentId,
            Slot slot,
            Duration buffer) {
        this.id = Objects.requireNonNull(id);
        this.patientId = Objects.requireNonNull(patientId);
        this.serviceId = Objects.requireNonNull(serviceId);
        this.minutes = minutes;
        this.source = Objects.requireNonNull(source);
        this.assessmentId = assessmentId;
        this.status = AppointmentStatus.BOOKED;
        place(slot, buffer);
    }

    /** Rebuilds a stored appointment. */
    public static Appointment restore(Stored row) {
        Appointment appointment = new Appointment(
                row.id(),
                row.patientId(),
                row.serviceId(),
                row.minutes(),
                row.source(),
                row.assessmentId(),
                new Slot(row.start(), row.end(), row.therapistId(), row.roomId(), row.secondTherapistId()),
                Duration.between(row.end(), row.blockedUntil()));
        appointment.status = row.status();
        appointment.feeOwed = row.feeOwed();
        appointment.feeReason = row.feeReason();
        appointment.cancelledAt = row.cancelledAt();
        appointment.version = row.version();
        return appointment;
    }

    /**
     * The columns of a stored appointment; {@code version} is the one it was read at (every stored change moves it
     * on by one, so a change made from what someone saw applies only while nobody else has changed it).
     *
     * @param secondTherapistId the second therapist of a service two give together (a couples massage)
     */
    public record Stored(
            UUID id,
            UUID patientId,
            UUID therapistId,
            UUID roomId,
            String serviceId,
            int minutes,
            Instant start,
            Instant end,
            Instant blockedUntil,
            AppointmentStatus status,
            Source source,
            UUID assessmentId,
            Money feeOwed,
            FeeReason feeReason,
            Instant cancelledAt,
            Optional<UUID> secondTherapistId,
            int version) {}

    AppointmentBooked booked() {
        return new AppointmentBooked(id, patientId, therapistId, serviceId, minutes, session.start(), assessmentId);
    }

    /** Makes a new appointment a hold that waits for its e-mail to be confirmed; nothing is announced yet. */
    void holdForVerification() {
        require(AppointmentStatus.BOOKED, "hold");
        status = AppointmentStatus.PENDING;
    }

    /** The e-mail is confirmed: the hold becomes a booking of the patient that address belongs to. */
    public AppointmentBooked confirmFor(UUID patient) {
        require(AppointmentStatus.PENDING, "confirm");
        patientId = Objects.requireNonNull(patient);
        status = AppointmentStatus.BOOKED;
        return booked();
    }

    /**
     * The e-mail is confirmed but the clinic approves new clients first: the hold becomes a request of the patient
     * that address belongs to, still holding the slot; nothing is announced until it is approved.
     */
    public void awaitApprovalFor(UUID patient) {
        require(AppointmentStatus.PENDING, "request approval of");
        patientId = Objects.requireNonNull(patient);
        status = AppointmentStatus.REQUESTED;
    }

    /** The front desk accepts the request: it is booked and announced like any booking. */
    AppointmentBooked approve() {
        require(AppointmentStatus.REQUESTED, "approve");
        status = AppointmentStatus.BOOKED;
        return booked();
    }

    /** The front desk declines the request: it frees the slot, with no fee (nothing was ever booked). */
    void decline(Instant now) {
        require(AppointmentStatus.REQUESTED, "decline");
        status = AppointmentStatus.CANCELLED;
        cancelledAt = now;
    }

    /** The patient withdraws their request: it frees the slot, with no fee (nothing was ever booked). */
    void withdraw(Instant now) {
        endRequest(now, "withdraw");
    }

    /** Nobody decided the request before its start came within the minimum notice: it frees the slot, no fee. */
    void lapse(Instant now) {
        endRequest(now, "lapse");
    }

    private void endRequest(Instant now, String change) {
        require(AppointmentStatus.REQUESTED, change);
        status = AppointmentStatus.CANCELLED;
        cancelledAt = now;
    }

    /** The hold ran out unconfirmed: it frees the slot (as a cancellation without fee or announcement). */
    public void expireHold(Instant now) {
        require(AppointmentStatus.PENDING, "expire");
        status = AppointmentStatus.CANCELLED;
        cancelledAt = now;
    }

    void checkIn() {
        require(AppointmentStatus.BOOKED, "check in");
        status = AppointmentStatus.CHECKED_IN;
    }

    /** The patient was checked in by mistake (or left before the session): back to booked, as before check-in. */
    void undoCheckIn() {
        require(AppointmentStatus.CHECKED_IN, "undo the check-in of");
        status = AppointmentStatus.BOOKED;
    }

    /** Completes a checked-in session; never before its start (a visit cannot have happened yet). */
    AppointmentCompleted complete(Instant now) {
        require(AppointmentStatus.CHECKED_IN, "complete");
        if (now.isBefore(session.start())) {
            throw new AppointmentNotStarted(id, status, "complete");
        }
        status = AppointmentStatus.COMPLETED;
        return new AppointmentCompleted(id, patientId, therapistId, serviceId, minutes, session.start());
    }

    /** Marks a no-show, which only makes sense once the session has begun. */
    AppointmentMissed markNoShow(Instant now, Money fee) {
        require(AppointmentStatus.BOOKED, "mark as no-show");
        if (now.isBefore(session.start())) {
            throw new AppointmentNotStarted(id, status, "mark as no-show");
        }
        status = AppointmentStatus.NO_SHOW;
        owe(fee, FeeReason.NO_SHOW);
        return new AppointmentMissed(id, patientId, feeOwed == null ? Money.ZERO : feeOwed);
    }

    /** Cancels; inside the service's cancellation window the late-cancel fee is recorded as owed. */
    AppointmentCancelled cancel(Instant now, Duration window, Money lateFee) {
        require(AppointmentStatus.BOOKED, "cancel");
        status = AppointmentStatus.CANCELLED;
        cancelledAt = now;
        if (isLate(now, window)) {
            owe(lateFee, FeeReason.LATE_CANCEL);
        }
        return new AppointmentCancelled(id, patientId, session.start(), now, feeOwed == null ? Money.ZERO : feeOwed);
    }

    boolean isLate(Instant now, Duration window) {
        return now.plus(window).isAfter(session.start());
    }

    /** Moves the appointment to another free slot of the same length. */
    void reschedule(Slot slot, Duration buffer) {
        require(AppointmentStatus.BOOKED, "reschedule");
        place(slot, buffer);
    }

    private void place(Slot slot, Duration buffer) {
        if (!Duration.between(slot.start(), slot.end()).equals(Duration.ofMinutes(minutes))) {
            throw new IllegalArgumentException("Slot length does not match " + minutes + " minutes");
        }
        this.session = new TimeRange(slot.start(), slot.end());
        this.therapistId = slot.therapistId();
        this.secondTherapistId = slot.secondTherapistId();
        this.roomId = slot.roomId();
        this.blockedUntil = slot.end().plus(buffer);
    }

    private void owe(Money fee, FeeReason reason) {
        if (fee.isPositive()) {
            feeOwed = fee;
            feeReason = reason;
        }
    }

    private void require(AppointmentStatus expected, String change) {
        if (status != expected) {
            throw new AppointmentStateConflict(id, status, change);
        }
    }

    public Stored stored() {
        return new Stored(
                id,
                patientId,
                therapistId,
                roomId,
                serviceId,
                minutes,
                session.start(),
                session.end(),
                blockedUntil,
                status,
                source,
                assessmentId,
                feeOwed,
                feeReason,
                cancelledAt,
                secondTherapistId,
                version);
    }

    public UUID id() {
        return id;
    }

    public AppointmentStatus status() {
        return status;
    }

    public TimeRange session() {
        return session;
    }

    /** The version this appointment was read at. */
    public int version() {
        return version;
    }
}
