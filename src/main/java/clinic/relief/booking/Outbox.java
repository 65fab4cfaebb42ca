package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.booking.Schedules.utc;

/**
 * Queues patients' emails. Listens synchronously, so each row is written in the transaction of the change it reports:
 * a booking that rolls back leaves no email, and a crash after the commit loses none.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final Patients patients;
    private final Letters letters;
    private final Invitations invitations;
    private final Appointments appointments;
    private final BookingSettings settings;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Patients patients, Letters letters, Invitations invitations, Appointments appointments,
            BookingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.letters = letters;
        this.invitations = invitations;
        this.appointments = appointments;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        letters(Letters.Kind.CONFIRMATION, booked.appointmentId(), patients.get(booked.patientId()), booked.start());
    }

    @EventListener
    void on(AppointmentRescheduled moved) {
        voidReminder(moved.appointmentId());
        letters(Letters.Kind.CHANGE, moved.appointmentId(), patients.get(moved.patientId()), moved.start());
    }

    /** A letter sent now and, unless the session is too near for one, its reminder. */
    private void letters(Letters.Kind now, UUID appointment, Patient patient, Instant start) {
        Instant sent = clock.instant();
        Instant remindAt = start.minus(settings.reminderBefore());
        if (remindAt.isAfter(sent)) {
            queue(List.of(now, Letters.Kind.REMINDER), appointment, patient, start, List.of(sent, remindAt));
        } else {
            queue(now, appointment, patient, start, sent);
        }
    }

    @EventListener
    void on(AppointmentCancelled cancelled) {
        voidReminder(cancelled.appointmentId());
        queue(Letters.Kind.CANCELLATION, cancelled.appointmentId(), patients.get(cancelled.patientId()),
                cancelled.start(), clock.instant());
    }

    private void voidReminder(UUID appointment) {
        jdbc.sql("update booking_outbox set voided_at = :now where appointment_id = :id and kind = 'REMINDER'"
                        + " and sent_at is null and voided_at is null")
                .param("now", utc(clock.instant())).param("id", appointment).update();
    }

    /** An appointment's own letter, with its calendar file (an invitation, or a cancellation of it). */
    private void queue(Letters.Kind kind, UUID appointment, Patient patient, Instant start, Instant sendAfter) {
        queue(List.of(kind), appointment, patient, start, List.of(sendAfter));
    }

    /** Several letters of one appointment, reading it and its calendar revision once. */
    private void queue(List<Letters.Kind> kinds, UUID appointment, Patient patient, Instant start,
            List<Instant> sendAfter) {
        if (patient.email() == null) {
            return;
        }
        Appointment.Stored row = appointments.find(appointment).orElseThrow().stored();
        int revisions = jdbc.sql("select count(*) from booking_outbox where appointment_id = :id"
                + " and kind in ('CHANGE', 'CANCELLATION')").param("id", appointment).query(Integer.class).single();
        for (int i = 0; i < kinds.size(); i++) {
            Letters.Kind kind = kinds.get(i);
            // Each change or cancellation must outrank what the patient's calendar already holds for this UID.
            boolean revision = kind == Letters.Kind.CHANGE || kind == Letters.Kind.CANCELLATION;
            int sequence = revisions + (revision ? 1 : 0);
            byte[] ics = kind == Letters.Kind.CANCELLATION
                    ? invitations.cancel(appointment, row.start(), row.end(), sequence)
                    : invitations.invite(appointment, row.start(), row.end(), sequence);
            insert(kind, appointment, patient.email(), letters.write(kind, patient, start), sendAfter.get(i), ics);
            revisions = sequence;
        }
    }

    private void insert(Letters.Kind kind, UUID appointment, String recipient, Letters.Letter letter,
            Instant sendAfter, byte[] ics) {
        jdbc.sql("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after,
                    attachment_name, attachment_type, attachment)
                values (:id, :kind, :appointment, :to, :subject, :body, :now, :after, :name, :type, :ics)
                """)
                .param("id", UUID.randomUUID()).param("kind", kind.name()).param("appointment", appointment)
                .param("to", recipient).param("subject", letter.subject()).param("body", letter.body())
                .param("now", utc(clock.instant())).param("after", utc(sendAfter))
                .param("name", Invitations.FILE_NAME).param("type", Invitations.CONTENT_TYPE).param("ics", ics)
                .update();
    }

    /**
     * Queues an e-mail that is not one of an appointment's own letters (a verification link, a waitlist offer), in
     * the caller's transaction. {@code appointment} may be null.
     */
    void queue(String kind, UUID appointment, String recipient, Letters.Letter letter, Instant sendAfter) {
        jdbc.sql("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after)
                values (:id, :kind, :appointment, :to, :subject, :body, :now, :after)
                """)
                .param("id", UUID.randomUUID()).param("kind", kind).param("appointment", appointment)
                .param("to", recipient).param("subject", letter.subject()).param("body", letter.body())
                .param("now", utc(clock.instant())).param("after", utc(sendAfter))
                .update();
    }
}
