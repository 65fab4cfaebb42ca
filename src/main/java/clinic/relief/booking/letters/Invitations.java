package clinic.relief.booking.letters;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.stereotype.Component;

/**
 * The {@code .ics} file attached to a patient's confirmation, reminder, change and cancellation e-mails (RFC 5545
 * with iTIP methods, written with ical4j). Its title is the clinic's name and nothing else: no service, no health
 * details, as an invitation ends up in shared calendars. The UID is the appointment's, so a calendar app updates or
 * removes the same event when a change or a cancellation follows; the sequence grows with each change.
 */
@Component
class Invitations {

    static final String FILE_NAME = "appointment.ics";
    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";

    private final ClinicProfile clinic;
    private final Clock clock;

    Invitations(ClinicProfile clinic, Clock clock) {
        this.clinic = clinic;
        this.clock = clock;
        IcalFormats.prepare();
    }

    byte[] invite(UUID appointmentId, Instant start, Instant end, int sequence) {
        return write(appointmentId, start, end, sequence, false);
    }

    byte[] cancel(UUID appointmentId, Instant start, Instant end, int sequence) {
        return write(appointmentId, start, end, sequence, true);
    }

    private byte[] write(UUID appointmentId, Instant start, Instant end, int sequence, boolean cancelled) {
        VEvent event = new VEvent(start, end, clinic.shortName());
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(appointmentId + "@relief"));
        event.add(
                new Location(clinic.address().street() + ", " + clinic.address().city()));
        event.add(new Sequence(sequence));
        event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
        Calendar calendar = new Calendar()
                .withProdId("-//Relief//Booking//EN")
                .withDefaults()
                .withProperty(cancelled ? new Method(Method.VALUE_CANCEL) : new Method(Method.VALUE_REQUEST))
                .withComponent(event)
                .getFluentTarget();
        return calendar.toString().getBytes(StandardCharsets.UTF_8);
    }
}
