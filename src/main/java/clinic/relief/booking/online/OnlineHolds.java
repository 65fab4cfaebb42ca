package clinic.relief.booking.online;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.Approvals;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingParticipants;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.SlotTaken;
import clinic.relief.booking.letters.Letters;
import clinic.relief.booking.letters.LinkLetters;
import clinic.relief.booking.online.OnlineHoldStore.Hold;
import clinic.relief.booking.store.Appointments;
import clinic.relief.mail.Mail;
import clinic.relief.patients.BadLink;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.patients.VerificationToken;
import clinic.relief.sms.Consents;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification-first online booking. A visitor who is not signed in gets a PENDING appointment of an unverified
 * placeholder patient, holding the slot for {@code relief.booking.online-hold.lasts}, and an e-mail with a
 * single-use link. Only following that link books it, for the patient the confirmed address belongs to; an
 * unconfirmed hold expires and frees the slot.
 */
@Service
@EnableConfigurationProperties(OnlineHoldSettings.class)
public class OnlineHolds {

    /** The source recorded with a text consent given on the online booking form. */
    static final String TEXTS_SOURCE = "online booking form";

    private final Booking booking;
    private final AppointmentBook book;
    private final Appointments appointments;
    private final Patients patients;
    private final Mail mail;
    private final LinkLetters letters;
    private final BookingParticipants participants;
    private final ApplicationEventPublisher events;
    private final OnlineHoldStore store;
    private final OnlineHoldSettings settings;
    private final Approvals approvals;
    private final Consents consents;
    private final Clock clock;

    OnlineHolds(
            Booking booking,
            AppointmentBook book,
            Appointments appointments,
            Patients patients,
            Mail mail,
            LinkLetters letters,
            BookingParticipants participants,
            ApplicationEventPublisher events,
            OnlineHoldStore store,
            OnlineHoldSettings settings,
            Approvals approvals,
            Consents consents,
            Clock clock) {
        this.booking = booking;
        this.book = book;
        this.appointments = appointments;
        this.patients = patients;
        this.mail = mail;
        this.letters = letters;
        this.participants = participants;
        this.events = events;
        this.store = store;
        this.settings = settings;
        this.approvals = approvals;
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * Holds the slot for the placeholder and queues the confirmation link to {@code email}, in one transaction.
     * A repeated request (same idempotency key) returns the first hold and sends nothing more.
     */
    public Appointment hold(BookAppointment command, Patient placeholder, String email) {
        return hold(command, placeholder, email, Optional.empty());
    }

    /**
     * As {@link #hold(BookAppointment, Patient, String)}, for a visitor who asked for text reminders at
     * {@code textsPhone} (E.164): the consent is recorded for the patient when the link confirms the booking.
     */
    public Appointment hold(BookAppointment command, Patient placeholder, String email, Optional<String> textsPhone) {
        return hold(command, placeholder, email, textsPhone, Optional.empty());
    }

    /**
     * As above, with the time zone the visitor's browser reported ({@code textsZone}), kept with the text consent so
     * that no text reaches the patient in the quiet hours of that zone either.
     */
    public Appointment hold(
            BookAppointment command,
            Patient placeholder,
            String email,
            Optional<String> textsPhone,
            Optional<ZoneId> textsZone) {
        return booking.hold(command, appointment -> {
            VerificationToken token = VerificationToken.random();
            Instant now = clock.instant();
            store.insert(appointment.id(), email, token.hash(), now.plus(settings.lasts()), now, textsPhone, textsZone);
            Letters.Letter letter = letters.confirmBooking(
                    placeholder.firstName(),
                    placeholder.language(),
                    appointment.session().start(),
                    token.value(),
                    settings.lasts());
            mail.queue("VERIFY_BOOKING", appointment.id(), email, letter.subject(), letter.body());
        });
    }

    /**
     * Holds the slot for a visitor's placeholder while they pay a deposit, in one transaction with {@code deposit}
     * (the payments module's record of it). No link is e-mailed: Stripe's word that the deposit was paid confirms the
     * hold ({@link #confirmPaid}), and the payments module ends it ({@link #releasedUnpaid}); {@code expires_at} only
     * bounds it for the record. A repeated request (same idempotency key) returns the first hold.
     */
    public Appointment holdForDeposit(
            BookAppointment command,
            String email,
            Optional<String> textsPhone,
            Optional<ZoneId> textsZone,
            Duration lasts,
            Consumer<Appointment> deposit) {
        return booking.hold(command, appointment -> {
            Instant now = clock.instant();
            store.insertForDeposit(
                    appointment.id(),
                    email,
                    VerificationToken.random().hash(),
                    now.plus(lasts),
                    now,
                    textsPhone,
                    textsZone);
            deposit.accept(appointment);
        });
    }

    /** Locks a visitor's open deposit hold, before its appointment (the order {@link #release} takes them). */
    public boolean lockDepositHold(UUID appointmentId) {
        return store.lockOpenDepositHold(appointmentId);
    }

    /**
     * In the caller's transaction, with the hold locked ({@link #lockDepositHold}): the visitor's deposit is paid, so
     * the placeholder joins (or becomes) the patient with the address they gave, and texts are allowed if they asked;
     * the patient the appointment is now for.
     */
    public Patient confirmPaid(Appointment held) {
        Hold hold = store.depositHold(held.id());
        Patient patient = patients.confirmPaidUnverified(held.stored().patientId(), hold.email());
        store.markConfirmed(held.id(), clock.instant());
        hold.textsPhone().ifPresent(phone -> consents.grantTexts(patient.id(), phone, TEXTS_SOURCE, hold.textsZone()));
        return patient;
    }

    /** In the caller's transaction: a visitor's deposit hold ended unpaid (its placeholder may now be purged). */
    public void releasedUnpaid(UUID appointmentId) {
        store.markDepositHoldExpired(appointmentId, clock.instant());
    }

    /** The address a visitor gave with a deposit hold, for Stripe's payment page. */
    public Optional<String> depositPayerEmail(UUID appointmentId) {
        return store.depositPayerEmail(appointmentId);
    }

    /** The appointment a usable link would confirm; otherwise {@link BadLink}. Changes nothing. */
    @Transactional(readOnly = true)
    AppointmentView preview(String token) {
        return view(usable(find(token, false)));
    }

    /**
     * Confirms the hold behind the link: the placeholder joins (or becomes) the patient with the confirmed address,
     * and the appointment is booked and announced (or, for a new client when new clients need approval, becomes a
     * request awaiting the front desk). A bad link or a clash with the patient's own appointment changes
     * nothing.
     */
    @Transactional
    AppointmentView confirm(String token) {
        Hold hold = usable(find(token, true));
        // The hold's row first, then the appointment's, in the order a release takes them.
        Appointment appointment = appointments.lock(hold.appointmentId()).orElseThrow();
        Patient patient = patients.confirmUnverified(appointment.stored().patientId(), hold.email());
        // A new client of a clinic that approves new clients first gets a request, not a booking (see Approvals).
        boolean request = approvals.required(appointment, patient.id());
        AppointmentBooked booked = null;
        if (request) {
            appointment.awaitApprovalFor(patient.id());
        } else {
            booked = appointment.confirmFor(patient.id());
        }
        try {
            appointments.update(appointment);
        } catch (Appointments.Overlap overlap) {
            Instant start = appointment.session().start();
            throw overlap.patientBusy() ? new PatientAlreadyBooked(start) : new SlotTaken(start, List.of());
        }
        store.markConfirmed(hold.appointmentId(), clock.instant());
        hold.textsPhone().ifPresent(phone -> consents.grantTexts(patient.id(), phone, TEXTS_SOURCE, hold.textsZone()));
        if (request) {
            approvals.received(appointment, patient);
        } else {
            participants.booked(booked);
            events.publishEvent(booked);
        }
        return view(hold);
    }

    /** Expires unconfirmed holds whose time is up, freeing their slots; returns how many. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<UUID> due = store.lockDueToExpire(now);
        due.forEach(id -> free(id, now, null));
        return due.size();
    }

    /**
     * Releases an unconfirmed hold at the front desk's request: the slot is free at once and offered like a
     * cancellation; the link stops working.
     *
     * @throws AppointmentStateConflict when the appointment is not an open hold (confirmed, expired or released)
     */
    @Transactional
    public void release(UUID appointmentId, String staffEmail) {
        boolean open = store.lockOpen(appointmentId);
        if (!open) {
            throw new AppointmentStateConflict(
                    appointmentId, book.get(appointmentId).status(), "release");
        }
        free(appointmentId, clock.instant(), staffEmail);
    }

    /** Ends the hold (locked by the caller) and announces the freed time. */
    private void free(UUID id, Instant now, String releasedBy) {
        appointments
                .lock(id)
                .filter(a -> a.status() == AppointmentStatus.PENDING)
                .ifPresent(a -> {
                    a.expireHold(now);
                    appointments.update(a);
                    Appointment.Stored freed = a.stored();
                    events.publishEvent(
                            new HoldReleased(id, freed.therapistId(), freed.start(), freed.blockedUntil(), releasedBy));
                });
        store.markExpired(id, now, releasedBy);
    }

    private Hold find(String token, boolean lock) {
        String hash = VerificationToken.hash(token);
        return (lock ? store.lockByToken(hash) : store.byToken(hash))
                .orElseThrow(() -> new BadLink(BadLink.Reason.UNKNOWN));
    }

    private Hold usable(Hold hold) {
        if (hold.confirmedAt() != null) {
            throw new BadLink(BadLink.Reason.USED);
        }
        if (hold.expiredAt() != null || !clock.instant().isBefore(hold.expiresAt())) {
            throw new BadLink(BadLink.Reason.EXPIRED);
        }
        return hold;
    }

    private AppointmentView view(Hold hold) {
        return book.get(hold.appointmentId());
    }
}
