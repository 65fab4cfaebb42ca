package clinic.relief.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static clinic.relief.shared.Timestamps.utc;

/**
 * Queues patients' emails. Listens synchronously, so each row is written in the transaction of the change it reports:
 * a booking that rolls back leaves no email, and a crash after the commit loses none.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Patients patients;
    private final Letters letters;
    private final Invitations invitations;
    private final Appointments appointments;
    private final BookingSettings settings;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JdbcTemplate batch, Patients patients, Letters letters, Invitations invitations,
            Appointments appointments, BookingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.patients = patients;
        this.letters = letters;
        this.invitations = invitations;
        this.appointments = appointments;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        // The event has all the letters need, and an appointment just booked has had no change or cancellation
        // letters, so its calendar entry starts at revision 0: nothing to read back.
        Patient patient = patients.get(booked.patientId());
        if (patient.email() != null) {
            TimeRange session = new TimeRange(booked.start(),
                    booked.start().plus(Duration.ofMinutes(booked.minutes())));
            letters(Letters.Kind.CONFIRMATION, booked.appointmentId(), patient, session, 0);
        }
    }

    @EventListener
    void on(AppointmentRescheduled moved) {
        voidReminder(moved.appointmentId());
        Patient patient = patients.get(moved.patientId());
        if (patient.email() != null) {
            letters(Letters.Kind.CHANGE, moved.appointmentId(), patient, session(moved.appointmentId()),
                    revisions(moved.appointmentId()));
        }
    }

    /** A letter sent now and, unless the session is too near for one, its reminder. */
    private void letters(Letters.Kind now, UUID appointment, Patient patient, TimeRange session, int revisions) {
        Instant sent = clock.instant();
        Instant remindAt = session.start().minus(settings.reminderBefore());
        if (remindAt.isAfter(sent)) {
            queue(List.of(now, Letters.Kind.REMINDER), appointment, patient, session, revisions,
                    List.of(sent, remindAt));
        } else {
            queue(List.of(now), appointment, patient, session, revisions, List.of(sent));
        }
    }

    @EventListener
    void on(AppointmentCancelled cancelled) {
        voidReminder(cancelled.appointmentId());
        Patient patient = patients.get(cancelled.patientId());
        if (patient.email() != null) {
            queue(List.of(Letters.Kind.CANCELLATION), cancelled.appointmentId(), patient,
                    session(cancelled.appointmentId()), revisions(cancelled.appointmentId()), List.of(clock.instant()));
        }
    }

    private TimeRange session(UUID appointment) {
        Appointment.Stored row = appointments.find(appointment).orElseThrow().stored();
        return new TimeRange(row.start(), row.end());
    }

    /** How many times the patient's calendar entry for the appointment has been revised (changed or cancelled). */
    private int revisions(UUID appointment) {
        return jdbc.sql("select count(*) from booking_outbox where appointment_id = :id"
                + " and kind in ('CHANGE', 'CANCELLATION')").param("id", appointment).query(Integer.class).single();
    }

    private void voidReminder(UUID appointment) {
        jdbc.sql("update booking_outbox set voided_at = :now where appointment_id = :id and kind = 'REMINDER'"
                        + " and sent_at is null and voided_at is null")
                .param("now", utc(clock.instant())).param("id", appointment).update();
    }

    /**
     * Letters of one appointment to a patient with an e-mail address, each with its calendar file (an invitation, or
     * a cancellation of it), written in one round trip.
     */
    private void queue(List<Letters.Kind> kinds, UUID appointment, Patient patient, TimeRange session, int revisions,
            List<Instant> sendAfter) {
        List<Object[]> rows = new ArrayList<>();
        byte[] previous = null;
        for (int i = 0; i < kinds.size(); i++) {
            Letters.Kind kind = kinds.get(i);
            // Each change or cancellation must outrank what the patient's calendar already holds for this UID.
            boolean revision = kind == Letters.Kind.CHANGE || kind == Letters.Kind.CANCELLATION;
            int sequence = revisions + (revision ? 1 : 0);
            byte[] ics = kind == Letters.Kind.CANCELLATION
                    ? invitations.cancel(appointment, session.start(), session.end(), sequence)
                    // A reminder repeats the invitation of the letter before it, same sequence, byte for byte.
                    : !revision && previous != null ? previous
                    : invitations.invite(appointment, session.start(), session.end(), sequence);
            Letters.Letter letter = letters.write(kind, patient, session.start());
            rows.add(new Object[] {UUID.randomUUID(), kind.name(), appointment, patient.email(), letter.subject(),
                    letter.body(), utc(clock.instant()), utc(sendAfter.get(i)), Invitations.FILE_NAME,
                    Invitations.CONTENT_TYPE, ics});
            previous = ics;
            revisions = sequence;
        }
        batch.batchUpdate("""
                insert into booking_outbox (id, kind, appointment_id, recipient, subject, body, created_at, send_after,
                    attachment_name, attachment_type, attachment)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
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
