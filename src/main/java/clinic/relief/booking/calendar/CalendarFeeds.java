package clinic.relief.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.letters.IcalFormats;
import clinic.relief.booking.schedule.Therapists;
import clinic.relief.booking.store.Appointments;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.patients.VerificationToken;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.stereotype.Component;

/**
 * Therapists' private iCalendar feeds (RFC 5545, written with ical4j). An event names the patient by first name and
 * initial and the clinic's address (and, for a couples massage, both therapists): no service, no health details.
 */
@Component
class CalendarFeeds {

    private final CalendarFeedStore store;
    private final Appointments appointments;
    private final Patients patients;
    private final Therapists therapists;
    private final ClinicProfile clinic;
    private final Clock clock;

    CalendarFeeds(
            CalendarFeedStore store,
            Appointments appointments,
            Patients patients,
            Therapists therapists,
            ClinicProfile clinic,
            Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.patients = patients;
        this.therapists = therapists;
        this.clinic = clinic;
        this.clock = clock;
        IcalFormats.prepare();
    }

    /**
     * A new secret token for the therapist's feed; the previous one stops working. Only its SHA-256 is stored, so
     * the address can be shown only now.
     */
    String renew(UUID therapist) {
        VerificationToken token = VerificationToken.random();
        store.replace(therapist, token.hash(), clock.instant());
        return token.value();
    }

    /** Whether the therapist has a feed address (which is not kept, only its hash). */
    boolean exists(UUID therapist) {
        return store.exists(therapist);
    }

    /** The feed for this token: the last 30 and next 90 days; empty for an unknown token. */
    Optional<String> feed(String token) {
        return store.therapistOf(VerificationToken.hash(token)).map(this::calendar);
    }

    private String calendar(UUID therapist) {
        Instant now = clock.instant();
        Calendar calendar = new Calendar()
                .withProdId("-//Relief//Booking//EN")
                .withDefaults()
                .getFluentTarget();
        String location = clinic.address().street() + ", " + clinic.address().city();
        for (Appointment.Stored a : appointments.starting(
                new TimeRange(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(90))), Optional.of(therapist))) {
            if (a.status() == AppointmentStatus.CANCELLED) {
                continue;
            }
            // Time, place, first name and initial: nothing about the service or the patient's health.
            VEvent event =
                    new VEvent(a.start(), a.end(), patients.get(a.patientId()).shortName());
            event.replace(new DtStamp(now));
            event.add(new Uid(a.id() + "@relief"));
            event.add(new Location(location));
            // A couples massage is in the feed of each of its two therapists, naming both.
            a.secondTherapistId()
                    .ifPresent(second -> event.add(
                            new Description(therapists.name(a.therapistId()) + " & " + therapists.name(second))));
            calendar.add(event);
        }
        return calendar.toString();
    }
}
