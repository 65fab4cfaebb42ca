package clinic.relief.booking.letters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentRescheduled;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookingSettings;
import clinic.relief.booking.ManageLinks;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.schedule.Therapists;
import clinic.relief.booking.store.Appointments;
import clinic.relief.mail.LetterWriter;
import clinic.relief.mail.Mail;
import clinic.relief.patients.OneStepAccounts;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.sms.Consents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues an appointment's own letters (confirmation, reminder, change, cancellation) with their calendar files.
 * Listens synchronously to booking's own events, so each letter is queued in the transaction of the change it
 * reports: a booking that rolls back leaves no e-mail, and a crash after the commit loses none. The reminder is queued
 * unwritten and written when it leaves ({@link #write}), so it tells what is true that day: after the clinic moves,
 * its reminders give the new address. The confirmation to a patient without a confirmed account also carries a
 * one-step account link ({@link OneStepAccounts#linkFor}).
 */
@Component
class AppointmentLetters implements LetterWriter {

    /** The letters that revise the patient's calendar entry for an appointment. */
    private static final Set<String> REVISIONS = Set.of(Letters.Kind.CHANGE.name(), Letters.Kind.CANCELLATION.name());

    private final Mail mail;
    private final Patients patients;
    private final Letters letters;
    private final Invitations invitations;
    private final Appointments appointments;
    private final Therapists therapists;
    private final BookingSettings settings;
    private final ManageLinks manageLinks;
    private final Consents consents;
    private final OneStepAccounts accounts;
    private final Clock clock;

    AppointmentLetters(
            Mail mail,
            Patients patients,
            Letters letters,
            Invitations invitations,
            Appointments appointments,
            Therapists therapists,
            BookingSettings settings,
            ManageLinks manageLinks,
            Consents consents,
            OneStepAccounts accounts,
            Clock clock) {
        this.mail = mail;
        this.patients = patients;
        this.letters = letters;
        this.invitations = invitations;
        this.appointments = appointments;
        this.therapists = therapists;
        this.settings = settings;
        this.manageLinks = manageLinks;
        this.consents = consents;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        // The event has all the letters need (but a couples massage's second therapist), and an appointment just
        // booked has had no change or cancellation letters, so its calendar entry starts at revision 0.
        Patient patient = patients.get(booked.patientId());
        if (patient.email() != null) {
            TimeRange session =
                    new TimeRange(booked.start(), booked.start().plus(Duration.ofMinutes(booked.minutes())));
            List<String> names = settings.rulesFor(booked.serviceId()).twoTherapists()
                    ? therapistNames(row(booked.appointmentId()))
                    : List.of();
            letters(Letters.Kind.CONFIRMATION, booked.appointmentId(), patient, session, 0, names);
        }
    }

    @EventListener
    void on(AppointmentRescheduled moved) {
        voidReminder(moved.appointmentId());
        Patient patient = patients.get(moved.patientId());
        if (patient.email() != null) {
            Appointment.Stored row = row(moved.appointmentId());
            letters(
                    Letters.Kind.CHANGE,
                    moved.appointmentId(),
                    patient,
                    new TimeRange(row.start(), row.end()),
                    revisions(moved.appointmentId()),
                    therapistNames(row));
        }
    }

    /** A letter sent now and, unless the session is too near for one, its reminder (written when it leaves). */
    private void letters(
            Letters.Kind now,
            UUID appointment,
            Patient patient,
            TimeRange session,
            int revisions,
            List<String> therapistNames) {
        Instant remindAt = session.start().minus(settings.reminderBefore());
        // A patient who refused e-mail reminders still gets the letters about changes to their booking.
        List<Mail.Unwritten> reminder = remindAt.isAfter(clock.instant()) && consents.allowsEmail(patient.id())
                ? List.of(new Mail.Unwritten(Letters.Kind.REMINDER.name(), appointment, patient.email(), remindAt))
                : List.of();
        queue(now, appointment, patient, session, revisions, therapistNames, reminder);
    }

    @EventListener
    void on(AppointmentCancelled cancelled) {
        voidReminder(cancelled.appointmentId());
        Patient patient = patients.get(cancelled.patientId());
        if (patient.email() != null) {
            queue(
                    Letters.Kind.CANCELLATION,
                    cancelled.appointmentId(),
                    patient,
                    session(cancelled.appointmentId()),
                    revisions(cancelled.appointmentId()),
                    List.of(),
                    List.of());
        }
    }

    private TimeRange session(UUID appointment) {
        Appointment.Stored row = row(appointment);
        return new TimeRange(row.start(), row.end());
    }

    private Appointment.Stored row(UUID appointment) {
        return appointments.find(appointment).orElseThrow().stored();
    }

    /** Both therapists' names for a couples massage; empty (no names in the letter) for one therapist. */
    private List<String> therapistNames(Appointment.Stored row) {
        return row.secondTherapistId()
                .map(second -> List.of(therapists.name(row.therapistId()), therapists.name(second)))
                .orElse(List.of());
    }

    /** How many times the patient's calendar entry for the appointment has been revised (changed or cancelled). */
    private int revisions(UUID appointment) {
        return mail.countQueued(appointment, REVISIONS);
    }

    private void voidReminder(UUID appointment) {
        mail.voidUnsent(appointment, Letters.Kind.REMINDER.name());
    }

    /**
     * A letter of one appointment to a patient with an e-mail address, sent now with its calendar file (an invitation,
     * or a cancellation of it), queued in one round trip with the {@code later} letters (its reminder, if any).
     */
    private void queue(
            Letters.Kind kind,
            UUID appointment,
            Patient patient,
            TimeRange session,
            int revisions,
            List<String> therapistNames,
            List<Mail.Unwritten> later) {
        boolean cancel = kind == Letters.Kind.CANCELLATION;
        // Each change or cancellation must outrank what the patient's calendar already holds for this UID.
        int sequence = revisions + (kind == Letters.Kind.CHANGE || cancel ? 1 : 0);
        byte[] ics = cancel
                ? invitations.cancel(appointment, session.start(), session.end(), sequence, patient.email())
                : invitations.invite(appointment, session.start(), session.end(), sequence, patient.email());
        String manageLink = cancel ? "" : manageLinks.linkFor(appointment);
        // A confirmation to a patient with no account yet offers one (one password, from the e-mail's link).
        Optional<OneStepAccounts.Link> accountOffer =
                kind == Letters.Kind.CONFIRMATION ? accounts.linkFor(patient) : Optional.empty();
        Letters.Letter letter = letters.write(kind, patient, session.start(), therapistNames, manageLink, accountOffer);
        Mail.AppointmentLetter now = new Mail.AppointmentLetter(
                kind.name(),
                appointment,
                patient.email(),
                letter.subject(),
                letter.body(),
                clock.instant(),
                new Mail.Attachment(Invitations.FILE_NAME, Invitations.contentType(!cancel), ics));
        mail.queueAll(List.of(now), later);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Letters.Kind.REMINDER.name());
    }

    /**
     * The reminder as it leaves: to the patient's address, in their language and with the clinic's details as they are
     * today, with a manage link of its own and the calendar entry at the appointment's current revision. None for an
     * appointment no longer booked or already begun, or for a patient with no address or who refused reminders since.
     */
    @Override
    public Optional<LetterWriter.Written> write(String kind, UUID appointmentId) {
        Optional<Appointment.Stored> booked = appointments
                .find(appointmentId)
                .map(Appointment::stored)
                .filter(row -> row.status() == AppointmentStatus.BOOKED
                        && clock.instant().isBefore(row.start()));
        if (booked.isEmpty()) {
            return Optional.empty();
        }
        Appointment.Stored row = booked.get();
        Patient patient = patients.get(row.patientId());
        String email = patient.email();
        if (email == null || !consents.allowsEmail(patient.id())) {
            return Optional.empty();
        }
        Letters.Letter letter = letters.write(
                Letters.Kind.REMINDER, patient, row.start(), therapistNames(row), manageLinks.linkFor(appointmentId));
        byte[] ics = invitations.invite(appointmentId, row.start(), row.end(), revisions(appointmentId), email);
        return Optional.of(new LetterWriter.Written(
                email,
                letter.subject(),
                letter.body(),
                new Mail.Attachment(Invitations.FILE_NAME, Invitations.contentType(true), ics)));
    }
}
