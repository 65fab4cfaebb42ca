package clinic.relief.booking.letters;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentRescheduled;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.ManageLinks;
import clinic.relief.booking.store.Appointments;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.sms.ReminderWriter;
import clinic.relief.sms.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues an appointment's text reminder when it is booked or moved, and voids it when it is moved or cancelled, in
 * the transaction of the change (as {@link AppointmentLetters} does for e-mails); writes it when it leaves
 * ({@link #write}), so it gives the clinic's address and the patient's name of that day. The text carries the time,
 * the place, the first name and the appointment's manage link: nothing about the treatment. Whether the patient may be
 * texted, and when the text leaves, is the sms module's business.
 */
@Component
class TextReminders implements ReminderWriter {

    private final Texts texts;
    private final Patients patients;
    private final ClinicProfile clinic;
    private final MessageSource messages;
    private final ManageLinks links;
    private final Appointments appointments;
    private final Clock clock;

    TextReminders(
            Texts texts,
            Patients patients,
            ClinicProfile clinic,
            MessageSource messages,
            ManageLinks links,
            Appointments appointments,
            Clock clock) {
        this.texts = texts;
        this.patients = patients;
        this.clinic = clinic;
        this.messages = messages;
        this.links = links;
        this.appointments = appointments;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        remind(booked.appointmentId(), booked.patientId(), booked.start());
    }

    @EventListener
    void on(AppointmentRescheduled moved) {
        texts.voidReminders(moved.appointmentId());
        remind(moved.appointmentId(), moved.patientId(), moved.start());
    }

    @EventListener
    void on(AppointmentCancelled cancelled) {
        texts.voidReminders(cancelled.appointmentId());
    }

    private void remind(UUID appointment, UUID patientId, Instant start) {
        if (texts.reachable(patientId)) {
            texts.queueReminders(List.of(new Texts.Reminder(appointment, patientId, start)));
        }
    }

    /**
     * The reminder as it leaves, in the patient's language and with the clinic's address of today and a manage link
     * of its own; none for an appointment no longer booked or already begun.
     */
    @Override
    public Optional<String> write(UUID appointmentId) {
        return appointments
                .find(appointmentId)
                .map(Appointment::stored)
                .filter(row -> row.status() == AppointmentStatus.BOOKED
                        && clock.instant().isBefore(row.start()))
                .map(row -> body(appointmentId, patients.get(row.patientId()), row.start()));
    }

    /** The reminder's words in the patient's language. */
    String body(UUID appointment, Patient patient, Instant start) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(patient.locale())
                .format(start.atZone(clinic.zone()));
        ClinicProfile.Address address = clinic.address();
        String text = messages.getMessage(
                "sms.reminder",
                new Object[] {patient.firstName(), when, clinic.shortName(), address.street() + ", " + address.city()},
                patient.locale());
        return text + " " + links.linkFor(appointment);
    }
}
