package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.booking.letters.ApprovalLetters;
import clinic.relief.booking.letters.Letters;
import clinic.relief.booking.online.NewClientSettings;
import clinic.relief.booking.store.Appointments;
import clinic.relief.booking.waitlist.WaitlistReturns;
import clinic.relief.mail.Mail;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Request-and-approve for new clients ({@link NewClientSettings}). A new client's confirmed online booking waits as
 * REQUESTED, holding its slot, until the front desk approves it (booked and announced like any booking, so the
 * confirmation and billing follow) or declines it (the slot is freed, the patient told politely, and the freed time
 * offered to the waitlist like a cancellation). A request nobody confirmed before its start came within the minimum
 * notice lapses ({@link #lapse}), whether the sweep finds it or the desk tries to approve it too late. Each decision
 * locks the appointment's row, so of two concurrent decisions exactly one applies and the other meets
 * {@link AppointmentStateConflict}.
 */
@Service
@EnableConfigurationProperties(NewClientSettings.class)
public class Approvals {

    private final Appointments appointments;
    private final AppointmentBook book;
    private final Patients patients;
    private final Mail mail;
    private final ApprovalLetters letters;
    private final WaitlistReturns waitlist;
    private final BookingParticipants participants;
    private final ApplicationEventPublisher events;
    private final BookingRequestStore store;
    private final NewClientSettings settings;
    private final BookingSettings rules;
    private final ManageLinks manageLinks;
    private final Clock clock;

    Approvals(
            Appointments appointments,
            AppointmentBook book,
            Patients patients,
            Mail mail,
            ApprovalLetters letters,
            WaitlistReturns waitlist,
            BookingParticipants participants,
            ApplicationEventPublisher events,
            BookingRequestStore store,
            NewClientSettings settings,
            BookingSettings rules,
            ManageLinks manageLinks,
            Clock clock) {
        this.appointments = appointments;
        this.book = book;
        this.patients = patients;
        this.mail = mail;
        this.letters = letters;
        this.waitlist = waitlist;
        this.participants = participants;
        this.events = events;
        this.store = store;
        this.settings = settings;
        this.rules = rules;
        this.manageLinks = manageLinks;
        this.clock = clock;
    }

    /** Whether {@code appointment}, once it belongs to {@code patientId}, must wait for approval. */
    public boolean required(Appointment appointment, UUID patientId) {
        return settings.needsApproval(appointment.stored().source(), returning(patientId, appointment.id()));
    }

    /** Whether a booking from {@code source} by this patient would wait for approval. */
    public boolean required(Appointment.Source source, UUID patientId) {
        return settings.needsApproval(source, returning(patientId, null));
    }

    /**
     * A returning client has an appointment (other than {@code except}) the clinic accepted: booked, checked in or
     * completed. Holds, requests, no-shows and cancellations do not count.
     */
    private boolean returning(UUID patientId, UUID except) {
        return store.hasAcceptedAppointment(patientId, except);
    }

    /**
     * Books a signed-in new client's slot as a request straight away (their address is confirmed already) and
     * queues the "request received" e-mail, in one transaction. A repeated request returns the first one.
     */
    public Appointment requestFor(Booking booking, BookAppointment command, Patient patient) {
        return booking.hold(command, appointment -> {
            appointment.awaitApprovalFor(patient.id());
            appointments.update(appointment);
            received(appointment, patient);
        });
    }

    /**
     * Books the command at once or, when it comes from a new client and new clients need approval, makes it a
     * request exactly like {@link #requestFor}: held, with the "request received" e-mail.
     */
    Appointment bookOrRequest(Booking booking, BookAppointment command) {
        if (!required(command.source(), command.patientId())) {
            return booking.book(command);
        }
        return requestFor(booking, command, patients.get(command.patientId()));
    }

    /**
     * Queues the "request received" e-mail of a request, in the caller's transaction, with its manage link: the
     * request's time and place, and a way to withdraw it; once approved, the same link manages the visit.
     */
    public void received(Appointment appointment, Patient patient) {
        if (patient.email() != null) {
            Letters.Letter letter =
                    letters.received(patient, appointment.session().start(), manageLinks.linkFor(appointment.id()));
            mail.queue("REQUEST_RECEIVED", appointment.id(), patient.email(), letter.subject(), letter.body());
        }
    }

    /** Requests waiting for a decision, soonest first. */
    @Transactional(readOnly = true)
    public List<AppointmentView> awaiting() {
        return store.awaiting().stream().map(book::get).toList();
    }

    /** What became of a request the desk approved. */
    public enum Approval {
        BOOKED,
        LAPSED
    }

    /**
     * Approves a request: it becomes BOOKED and {@link AppointmentBooked} is published. A request whose start is
     * already within the minimum notice is too late to confirm: it lapses instead, exactly as the next sweep
     * ({@link BookingRequests#lapseDue}) would lapse it.
     */
    @Transactional
    public Approval approve(UUID id, String staff) {
        Appointment appointment = locked(id);
        Instant now = clock.instant();
        if (!appointment.stored().start().isAfter(now.plus(rules.minimumNotice()))) {
            // Recorded as the desk member's: they acted, even if the rules, not their choice, decided the outcome.
            lapse(appointment, now, staff);
            return Approval.LAPSED;
        }
        AppointmentBooked booked = appointment.approve();
        appointments.update(appointment);
        record(id, "APPROVED", null, staff);
        participants.booked(booked);
        events.publishEvent(booked);
        return Approval.BOOKED;
    }

    /**
     * Declines a request with an optional reason for the patient; a waitlist entry that claimed it waits again, and
     * the freed time goes to the waitlist.
     */
    @Transactional
    public void decline(UUID id, String reason, String staff) {
        Appointment appointment = locked(id);
        Instant now = clock.instant();
        appointment.decline(now);
        appointments.update(appointment);
        String kept = reason == null || reason.isBlank() ? null : reason.strip();
        record(id, "DECLINED", kept, staff);
        Appointment.Stored row = appointment.stored();
        boolean waitingAgain = waitlist.requestEnded(row, now);
        Patient patient = patients.get(row.patientId());
        if (patient.email() != null) {
            Letters.Letter letter = letters.declined(patient, row.start(), kept, waitingAgain);
            mail.queue("REQUEST_DECLINED", id, patient.email(), letter.subject(), letter.body());
        }
    }

    /**
     * Lapses a request whose row the caller locked: the slot is freed, the lapse recorded as made {@code by} the
     * sweep ("system") or the staff member whose late approval it was, the patient told politely, a waitlist entry
     * that claimed it waits again, and the freed time goes to the waitlist.
     *
     * @throws AppointmentStateConflict when it no longer awaits a decision
     */
    void lapse(Appointment appointment, Instant now, String by) {
        appointment.lapse(now);
        appointments.update(appointment);
        Appointment.Stored row = appointment.stored();
        record(row.id(), "LAPSED", null, by);
        boolean waitingAgain = waitlist.requestEnded(row, now);
        Patient patient = patients.get(row.patientId());
        if (patient.email() != null) {
            Letters.Letter letter = letters.lapsed(patient, row.start(), waitingAgain);
            mail.queue("REQUEST_LAPSED", row.id(), patient.email(), letter.subject(), letter.body());
        }
    }

    /** The appointment, its row locked for this transaction: a decision, withdrawal or lapse takes it first. */
    Appointment locked(UUID id) {
        return appointments.lock(id).orElseThrow(() -> new UnknownAppointment(id));
    }

    /** Records how a request ended (approved, declined, withdrawn, lapsed), by whom, in the caller's transaction. */
    void record(UUID id, String decision, String reason, String staff) {
        store.recordDecision(id, decision, reason, staff, clock.instant());
    }
}
